import { scopeKey } from './scope';

export const zoneKey = (id: string) => `zone:${id}`;
export const both = (id: string) => scopeKey(id);
