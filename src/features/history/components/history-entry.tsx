import type { HistoryEntry } from '@/api/history/schema';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';
import type { KeyNames } from '@/lib/scope-keys';
import { ACTION_LABEL, RESOURCE_TYPE_LABEL, SOURCE_LABEL } from '@/lib/history-labels';
import { describeChange } from '../lib/describe-change';
import { RevertControl } from './revert-control';
import { InertName } from '@/components/ui/inert-name';

const TONE_CLASS = { plus: 'diff-plus', minus: 'diff-minus', change: '' } as const;

/** One change: what, to which resource, by whom and from where, the diff in names, and the way back. */
export function HistoryEntryItem({ entry, names, headingLevel }: { entry: HistoryEntry; names: KeyNames; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { lines, note } = describeChange(entry, names);
  const what = `${ACTION_LABEL[entry.action] ?? entry.action} · ${RESOURCE_TYPE_LABEL[entry.resource.type] ?? entry.resource.type}`;
  const headingId = `history-${entry.id}`;
  return (
    <article className="card history-entry" aria-labelledby={headingId}>
      <header className="history-entry-header">
        <Heading id={headingId} className="history-entry-title">
          {what} <InertName className="history-entry-name">{entry.resource.name ?? entry.resource.id ?? 'unknown'}</InertName>
        </Heading>
        <Badge tone={entry.source === 'console' ? 'info' : 'neutral'}>{SOURCE_LABEL[entry.source]}</Badge>
        {entry.reverts ? <Badge tone="warning">Revert</Badge> : null}
        {!entry.result.success ? <Badge tone="danger">Refused ({entry.result.status ?? '?'})</Badge> : null}
      </header>
      <p className="muted history-entry-meta">
        by <strong><InertName>{entry.actor.label}</InertName></strong> · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {entry.request?.method ? <span className="mono"> · {entry.request.method} {entry.request.path?.replace(/^\/client\/v4/, '')}</span> : null}
      </p>
      {lines.length ? (
        <ul className="diff-list history-diff" aria-label="What changed">
          {lines.map((line, i) => (
            <li key={i} className={TONE_CLASS[line.tone]}>
              <InertName>{line.text}</InertName>
            </li>
          ))}
        </ul>
      ) : null}
      {note ? <p className="muted">{note}</p> : null}
      {!lines.length && !note && entry.result.success ? <p className="muted">No visible change in the recorded state.</p> : null}
      <RevertControl entry={entry} />
    </article>
  );
}
