import * as z from 'zod/mini';

/** An integer search param within bounds; anything else in the URL falls back instead of erroring. */
export function boundedInt(min: number, max: number, fallback: number) {
  return z._default(z.catch(z.number().check(z.gte(min), z.lte(max), z.refine(Number.isInteger)), fallback), fallback);
}

/** An optional free-text search param; empty means absent. */
export function optionalText(maxLength = 200) {
  return z.catch(
    z.optional(z.pipe(z.string().check(z.maxLength(maxLength)), z.transform((v) => (v.trim() === '' ? undefined : v)))),
    undefined,
  );
}

export function optionalEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.catch(z.optional(z.enum(values)), undefined);
}
