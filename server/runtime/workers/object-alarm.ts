import type { DurableObjectStorage } from 'cloudflare:workers';
import type { AlarmFactory } from '../../console/membership-ends/service.ts';

/**
 * The Durable Object's alarm as the scheduler's wake-up: it fires even when the object was
 * evicted (the runtime re-creates the object, whose constructor registers `run` again, then calls
 * `alarm()`), and it is retried by the runtime if `alarm()` throws.
 */
export function objectAlarm(storage: DurableObjectStorage): AlarmFactory & { fire: () => Promise<void> } {
  let registered: (() => Promise<void>) | null = null;
  return {
    kind: 'durable-object-alarm',
    create(run) {
      registered = run;
      return {
        wakeAt(at) {
          void (at === null ? storage.deleteAlarm() : storage.setAlarm(at));
        },
      };
    },
    fire: () => registered?.() ?? Promise.resolve(),
  };
}
