/**
 * DSR ("zone_level_access_beta") is a per-user flag the API does not expose: adding a member
 * without it to a user group fails with "… do not have DSR enabled" (TF provider,
 * internal/services/user_group_members/resource_test.go, which finds usable members by trying).
 * The sandbox keeps it off for a few seeded people of the default account — in no group, last by
 * email and by id, so tests that take "the first member not in a group" do not meet them — and on
 * for everyone else, so the flag needs no column.
 */
const WITHOUT_DSR = new Set(['zanele.yusuf@acme.com', 'ivan.bianchi@northwind-consulting.com', 'jamal.taylor@pixelforge.agency']);

export function hasDsrEnabled(email: string): boolean {
  return !WITHOUT_DSR.has(email.toLowerCase());
}

/**
 * The refusal's wording: the real code and full message are not published, only the phrase TF
 * matches on; the sandbox answers 1001 (invalid request) with that phrase and the member's id.
 */
export function dsrDisabledMessage(memberId: string): string {
  return `Invalid request: members do not have DSR enabled: ${memberId}`;
}
