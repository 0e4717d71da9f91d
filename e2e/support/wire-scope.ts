/**
 * A resource group's `scope` as the API answered it, in either era: today's one object (the
 * published schema's `iam_scope`) or the 2024 pages' array of one. The journeys also run against
 * SANDBOX_API_SHAPES=2024 (playwright.era-2024.config.ts), so what they read back must read both.
 */
export interface WireScope {
  key: string;
  objects: Array<{ key: string }>;
}

export function wireScope(scope: WireScope | WireScope[] | undefined): WireScope | undefined {
  return Array.isArray(scope) ? scope[0] : scope;
}
