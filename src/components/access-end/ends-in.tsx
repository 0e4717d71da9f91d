import { useEffect, useState } from 'react';
import { Badge } from '../ui/badge';

/** "3 h 12 min", "2 days", "45 s": the time left, in words a glance can take. */
export function timeLeft(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

/** A countdown to a time-bound membership's end, updated as it nears. */
export function EndsIn({ endsAt }: { endsAt: string }) {
  const end = Date.parse(endsAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const left = end - Date.now();
    const timer = setInterval(() => setNow(Date.now()), left < 120_000 ? 1_000 : 30_000);
    return () => clearInterval(timer);
  }, [end]);
  const left = end - now;
  return (
    <Badge tone={left < 3_600_000 ? 'warning' : 'info'}>
      <time dateTime={endsAt} title={new Date(end).toLocaleString()}>
        {left > 0 ? `Ends in ${timeLeft(left)}` : 'Ending now'}
      </time>
    </Badge>
  );
}
