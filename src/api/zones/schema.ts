import * as z from 'zod/mini';
import { optionalBoolean, optionalObject, optionalString } from '../common-schema';

/**
 * The part of the API's zone the console reads: enough to name it and say what state it is in.
 * `owner.id`/`owner.name` (declared strings, `null` in real answers) are not read; the account's
 * `name` may be `null` too and then reads as absent.
 */
export const zoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: optionalString,
  paused: optionalBoolean,
  type: optionalString,
  account: optionalObject(z.object({ id: optionalString, name: optionalString })),
});
export type Zone = z.infer<typeof zoneSchema>;
