// scope.ts and zone.ts import each other: whichever loads first sees the other half-initialized.
import { zoneKey } from './zone';

export const scopeKey = (id: string) => `scope:${zoneKey(id)}`;
