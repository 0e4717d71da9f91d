/**
 * Drops every secret-bearing field from a JSON value before it is stored in an audit log or the
 * console's journal: OAuth client secrets (create and rotate answers) and anything else named like
 * a credential. Dropped, not masked, so not even a secret's length is kept.
 */
const SECRET_KEY = /secret|password|api_?key|^token$|^authorization$/i;

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      // has_rotated_secret is a flag, not a secret: keep it.
      if (SECRET_KEY.test(key) && typeof inner !== 'boolean') continue;
      out[key] = redactSecrets(inner);
    }
    return out;
  }
  return value;
}
