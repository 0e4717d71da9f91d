import { useId, useState } from 'react';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import type { AffectedObject, Severity } from '../../../lib/analyzer/finding';
import { formatDateTime } from '../../../lib/format';
import type { FindingWithDismissal } from '../api';
import { DismissDialog } from './dismiss-dialog';
import { FixLink, ObjectLink } from './object-link';

const TONE: Record<Severity, BadgeTone> = { critical: 'danger', warning: 'warning', info: 'info' };
const LABEL: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };
const SHOWN = 8;

const OBJECT_LABEL: Record<AffectedObject['kind'], string> = {
  'user-group': 'Groups',
  policy: 'Policies',
  member: 'Members',
  'resource-group': 'Resource groups',
  zone: 'Zones',
  'sso-connector': 'SSO',
  'oauth-client': 'OAuth clients',
  'permission-group': 'Permission group',
};

function Affected({ accountId, objects }: { accountId: string; objects: AffectedObject[] }) {
  const [all, setAll] = useState(false);
  const kinds = [...new Set(objects.map((o) => o.kind))];
  return (
    <dl className="finding-affected">
      {kinds.map((kind) => {
        const list = objects.filter((o) => o.kind === kind);
        const shown = all ? list : list.slice(0, SHOWN);
        return (
          <div key={kind}>
            <dt>{OBJECT_LABEL[kind]}</dt>
            <dd>
              {shown.map((o, i) => (
                <span key={`${o.kind}:${o.id}`}>
                  {i ? ', ' : ''}
                  <ObjectLink accountId={accountId} object={o} />
                </span>
              ))}
              {list.length > shown.length ? (
                <button type="button" className="btn-link" onClick={() => setAll(true)}>
                  and {list.length - shown.length} more
                </button>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function FindingCard({ accountId, finding, onRestore }: { accountId: string; finding: FindingWithDismissal; onRestore?: () => void }) {
  const headingId = useId();
  const [dismissing, setDismissing] = useState(false);
  return (
    <article className={`card finding finding-${finding.severity}`} aria-labelledby={headingId}>
      <header className="finding-header">
        <Badge tone={TONE[finding.severity]}>{LABEL[finding.severity]}</Badge>
        <h3 id={headingId}>{finding.title}</h3>
      </header>
      <p>{finding.why}</p>
      <Affected accountId={accountId} objects={finding.affected} />
      <p className="finding-fix">
        <strong>Fix:</strong> {finding.fix.action}
      </p>
      {finding.dismissal ? (
        <p className="muted">
          Dismissed {formatDateTime(finding.dismissal.dismissed_at)}: “{finding.dismissal.reason}”
        </p>
      ) : null}
      <div className="button-row">
        <FixLink accountId={accountId} target={finding.fix.target} label={`Fix: ${finding.title}`} />
        {finding.dismissal ? (
          <button type="button" className="btn" onClick={onRestore}>
            Restore
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => setDismissing(true)} aria-label={`Dismiss: ${finding.title}`}>
            Dismiss…
          </button>
        )}
      </div>
      {dismissing ? <DismissDialog accountId={accountId} finding={finding} onClose={() => setDismissing(false)} /> : null}
    </article>
  );
}
