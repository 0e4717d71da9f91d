import type { AlarmFactory } from '../../console/membership-ends/service.ts';

/**
 * Node's alarm: one timer, reset to the earliest time asked. It lives as long as the server
 * process; an end that passes while the server is down is caught up at the next start.
 */
export const timerAlarm: AlarmFactory = {
  kind: 'process-timer',
  create(run) {
    let timer: ReturnType<typeof setTimeout> | null = null;
    return {
      wakeAt(at) {
        if (timer) clearTimeout(timer);
        timer = null;
        if (at === null) return;
        // setTimeout holds at most ~24.8 days; the scheduler never asks further than an hour ahead.
        timer = setTimeout(() => void run(), Math.max(0, at - Date.now()));
        // Never the reason the process stays up (tests, a server shutting down).
        timer.unref?.();
      },
    };
  },
};
