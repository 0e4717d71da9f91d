/**
 * Terraform resource names from object names: valid identifiers (letters, digits, `_`, `-`; not
 * starting with a digit), unique per resource type, and stable across exports. Among objects whose
 * names give the same identifier, the oldest (then the lowest id) keeps it and the others get their
 * id's first 8 characters appended, so a newer namesake never renames a resource already in code.
 */
export function identifierOf(name: string, fallback: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!base) return fallback;
  return /^[0-9]/.test(base) ? `${fallback}_${base}` : base;
}

export interface Nameable {
  id: string;
  name: string;
  createdOn?: string;
}

/** Identifier per object id. `fallback` names objects whose name has no usable character. */
export function resourceNames(objects: readonly Nameable[], fallback: string): Map<string, string> {
  const byBase = new Map<string, Nameable[]>();
  for (const o of objects) {
    const base = identifierOf(o.name, fallback);
    const list = byBase.get(base) ?? [];
    list.push(o);
    byBase.set(base, list);
  }
  const out = new Map<string, string>();
  const taken = new Set(byBase.keys());
  for (const [base, list] of byBase) {
    const ordered = [...list].sort((a, b) => (a.createdOn ?? '').localeCompare(b.createdOn ?? '') || a.id.localeCompare(b.id));
    ordered.forEach((o, i) => {
      if (i === 0) return void out.set(o.id, base);
      let name = `${base}_${identifierOf(o.id.slice(0, 8), 'id')}`;
      if (taken.has(name)) name = `${base}_${identifierOf(o.id, 'id')}`;
      taken.add(name);
      out.set(o.id, name);
    });
  }
  return out;
}
