import * as z from 'zod/mini';

/** The part of the API's zone the console reads: enough to name it and say what state it is in. */
export const zoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.optional(z.string()),
  paused: z.optional(z.boolean()),
  type: z.optional(z.string()),
  account: z.optional(z.object({ id: z.optional(z.string()), name: z.optional(z.string()) })),
});
export type Zone = z.infer<typeof zoneSchema>;
