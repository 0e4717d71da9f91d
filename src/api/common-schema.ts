import * as z from 'zod/mini';

/**
 * The parsing boundary's building blocks. Cloudflare's answers come in two eras (the 2024 pages,
 * and today's published schema) and carry fields and enum values this console does not know yet;
 * these read every shape the schema allows into ONE internal model (DECISIONS.md, decision 2).
 * Rules: an extra field is dropped, an unknown enum value reads `'unknown'`, a documented `null`
 * reads as absent or empty, and a mistyped optional field reads as absent. Only what the console
 * cannot work without (an id) still fails the parse.
 */

/** An optional string that may come as `null` (or mistyped): absent. */
export const optionalString = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((v): string | undefined => (typeof v === 'string' ? v : undefined)),
  ),
);

/** An optional string that may be `null` on purpose (a person without a first name): kept as `null`. */
export const nullableString = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((v): string | null | undefined => (typeof v === 'string' ? v : v === null ? null : undefined)),
  ),
);

/** An optional boolean, as a boolean or as the strings "true"/"false" the API's meta carries. */
export const optionalBoolean = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((v): boolean | undefined => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined)),
  ),
);

/** A value of a known set; anything else the API starts sending reads `'unknown'` instead of failing. */
export function lenientEnum<const T extends readonly string[]>(values: T) {
  const known: readonly string[] = values;
  return z.pipe(
    z.unknown(),
    z.transform((v): T[number] | 'unknown' => (typeof v === 'string' && known.includes(v) ? (v as T[number]) : 'unknown')),
  );
}

/** An optional enum: absent or `null` stays absent; an unknown value reads `'unknown'`. */
export function optionalEnum<const T extends readonly string[]>(values: T) {
  const inner = lenientEnum(values);
  return z.optional(
    z.pipe(
      z.unknown(),
      z.transform((v): T[number] | 'unknown' | undefined => (v === null ? undefined : inner.parse(v))),
    ),
  );
}

/**
 * A list of a known set's values: values the console does not know are left out (the forms only
 * offer known ones anyway); a missing or `null` list is absent.
 */
export function optionalEnumList<const T extends readonly string[]>(values: T) {
  const known: readonly string[] = values;
  return z.optional(
    z.pipe(
      z.unknown(),
      z.transform((v): Array<T[number]> | undefined =>
        Array.isArray(v) ? v.filter((x): x is T[number] => typeof x === 'string' && known.includes(x)) : undefined,
      ),
    ),
  );
}

/** An optional list of strings; non-strings in it are dropped, `null` is absent. */
export const optionalStringList = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((v): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined)),
  ),
);

/** A list answer: `result: null` (an empty members list, today's API) reads as `[]`. */
export function listOf<S extends z.ZodMiniType>(item: S) {
  return z.pipe(
    z.nullish(z.array(item)),
    z.transform((v) => v ?? []),
  );
}

/** A list whose items are not read (only counted). */
export const unknownListSchema = listOf(z.unknown());

/** A scope key that is not a string (seen in generated answers) reads as this, shown as such. */
export const UNKNOWN_SCOPE_KEY = 'unknown';
const scopeKeySchema = z.pipe(
  z.unknown(),
  z.transform((v): string => (typeof v === 'string' ? v : UNKNOWN_SCOPE_KEY)),
);

export const scopeObjectSchema = z.object({ key: scopeKeySchema });

/** One scope, internal form: `objects` is always a list (missing or `null` reads as `[]`). */
export const scopeSchema = z.object({
  key: scopeKeySchema,
  objects: listOf(scopeObjectSchema),
});
export type Scope = z.infer<typeof scopeSchema>;

/**
 * A resource group's `scope` in either era — today's ONE object `{key, objects}` (schema
 * `iam_scope`), the 2024 array of them — as the internal array (decision 2). Absent or `null`: `[]`.
 */
export const scopesSchema = z.pipe(
  z.nullish(z.union([z.array(scopeSchema), scopeSchema])),
  z.transform((v): Scope[] => (v == null ? [] : Array.isArray(v) ? v : [v])),
);

/** The same normalization for data that did not come through a schema (a journal entry's state, an export). */
export function normalizeScopes(value: unknown): Scope[] {
  const parsed = scopesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** `meta.scopes`: one scope string (the schema's example) or a list of them; always a list internally. */
const metaScopes = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((v): string[] | undefined =>
      typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined,
    ),
  ),
);

/**
 * A permission group's `meta` in either era, internal form (decision 2): today's `{label, scopes,
 * description, editable}` and the 2024 `{key, value}` (`{key: "label", value}` gives the label).
 * `key`/`value` are kept so the raw form stays readable.
 */
export const permissionGroupMetaSchema = z.pipe(
  z.object({
    key: optionalString,
    value: optionalString,
    label: optionalString,
    scopes: metaScopes,
    description: optionalString,
    editable: optionalBoolean,
  }),
  z.transform((m) => {
    const label = m.label ?? (m.key === 'label' ? m.value : undefined);
    return {
      ...(m.key !== undefined ? { key: m.key } : {}),
      ...(m.value !== undefined ? { value: m.value } : {}),
      ...(label !== undefined ? { label } : {}),
      ...(m.scopes?.length ? { scopes: m.scopes } : {}),
      ...(m.description !== undefined ? { description: m.description } : {}),
      ...(m.editable !== undefined ? { editable: m.editable } : {}),
    };
  }),
);
export type PermissionGroupMeta = z.infer<typeof permissionGroupMetaSchema>;

/**
 * A resource group's `meta`: the 2024 `{key, value}` (`{key: "adhoc", value: "true"}` marks the
 * anonymous group an inline scope creates), today's `{editable: "false"}`, or a request-style
 * `{adhoc: "true"}`. Internal form keeps `key`/`value` and reads `adhoc` and `editable` out.
 */
export const resourceGroupMetaSchema = z.pipe(
  z.object({ key: optionalString, value: optionalString, editable: optionalBoolean, adhoc: optionalBoolean }),
  z.transform((m) => {
    const adhoc = m.adhoc === true || (m.key === 'adhoc' && m.value === 'true');
    return {
      ...(m.key !== undefined ? { key: m.key } : {}),
      ...(m.value !== undefined ? { value: m.value } : {}),
      ...(m.editable !== undefined ? { editable: m.editable } : {}),
      ...(adhoc ? { adhoc: true } : {}),
    };
  }),
);
export type ResourceGroupMeta = z.infer<typeof resourceGroupMetaSchema>;

/** An optional object field: `null` or a mistyped value reads as absent instead of failing. */
export function optionalObject<S extends z.ZodMiniType>(schema: S) {
  return z.catch(z.optional(schema), undefined);
}

export const deletedSchema = z.object({ id: z.string() });
export type Deleted = z.infer<typeof deletedSchema>;

/** begin_verification answers an envelope without `result`. */
export const noResultSchema = z.unknown();
