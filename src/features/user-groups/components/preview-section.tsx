import { useId, useState, type ReactNode } from 'react';
import type { BadgeTone } from '@/components/ui/badge';

const SHOWN = 25;

/**
 * One bucket of a membership preview ("Will be added: 12"), listing who is in it. Long buckets
 * show their first entries and expand on demand, so a 2,000-line paste stays readable.
 */
export function PreviewSection({
  title,
  tone,
  items,
  empty,
  note,
}: {
  title: string;
  tone: BadgeTone;
  items: ReactNode[];
  empty?: string;
  note?: ReactNode;
}) {
  const [expanded, setExpanded] = useState(false);
  const headingId = useId();
  if (items.length === 0 && !empty) return null;
  const shown = expanded ? items : items.slice(0, SHOWN);
  return (
    <section className={`ug-preview-section ug-preview-${tone}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title}: <span className="ug-preview-count">{items.length.toLocaleString()}</span>
      </h3>
      {note ? <p className="ug-preview-note">{note}</p> : null}
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="ug-preview-list">
          {shown.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      {items.length > SHOWN ? (
        <button type="button" className="btn-link" aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
          {expanded ? 'Show fewer' : `Show all ${items.length.toLocaleString()}`}
        </button>
      ) : null}
    </section>
  );
}

export function PersonLabel({ email, name }: { email: string; name?: string }) {
  return (
    <>
      <span className="mono">{email}</span>
      {name ? <span className="muted"> · {name}</span> : null}
    </>
  );
}
