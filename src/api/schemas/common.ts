import * as z from 'zod/mini';

/**
 * The seeds' {key, value}, plus the fields the published schema adds for permission groups
 * (`label`, `scopes`: what the group acts on, account or zone).
 */
export const metaSchema = z.object({
  key: z.optional(z.string()),
  value: z.optional(z.string()),
  label: z.optional(z.string()),
  scopes: z.optional(z.string()),
  description: z.optional(z.string()),
});
export type Meta = z.infer<typeof metaSchema>;

export const scopeSchema = z.object({
  key: z.string(),
  objects: z.array(z.object({ key: z.string() })),
});
export type Scope = z.infer<typeof scopeSchema>;

export const deletedSchema = z.object({ id: z.string() });
export type Deleted = z.infer<typeof deletedSchema>;

/** begin_verification answers an envelope without `result`. */
export const noResultSchema = z.unknown();
