import { Fragment, useId, useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { SortHeader } from '@/components/ui/sort-header';
import { SEVERITY_ORDER, type AffectedObject, type FindingKind, type Severity } from '@/lib/analyzer/finding';
import { formatDateTime } from '@/lib/format';
import type { FindingWithDismissal } from '../api';
import { DismissDialog } from './dismiss-dialog';
import { FixLink, ObjectLink } from './object-link';

/**
 * The findings as a compact list: severity, the finding, what it is about, and two short
 * actions (Fix, Dismiss). Why it matters, what it names and how to fix it open on demand under
 * its row. Sortable by severity, finding and area.
 */

export const SEVERITY_TONE: Record<Severity, BadgeTone> = { critical: 'danger', warning: 'warning', info: 'info' };
export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };
const SHOWN = 8;

/** The part of the account a finding is about, as the navigation names it. */
export const AREA: Record<FindingKind, string> = {
  'admin-grant': 'Admins',
  'group-without-members': 'User groups',
  'group-without-policies': 'User groups',
  'pending-member-with-access': 'Members',
  'unused-resource-group': 'Resource groups',
  'policy-on-missing-zone': 'Policies',
  'policy-shadowed-by-deny': 'Policies',
  'policy-redundant': 'Policies',
  'deny-takes-nothing': 'Policies',
  'oauth-stale-rotated-secret': 'OAuth clients',
  'oauth-public-unverified-uri': 'OAuth clients',
  'sso-connector-stuck': 'SSO',
  'sso-lockout-risk': 'SSO',
  'time-bound-not-removed': 'Members',
  'access-review-overdue': 'Access reviews',
  'admin-grant-not-reviewed': 'Access reviews',
};

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

type SortKey = 'severity' | 'title' | 'area';
type Sort = { key: SortKey; direction: 'asc' | 'desc' };

const COMPARE: Record<SortKey, (a: FindingWithDismissal, b: FindingWithDismissal) => number> = {
  severity: (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  title: (a, b) => a.title.localeCompare(b.title),
  area: (a, b) => AREA[a.kind].localeCompare(AREA[b.kind]),
};

function sorted(findings: FindingWithDismissal[], { key, direction }: Sort): FindingWithDismissal[] {
  const sign = direction === 'asc' ? 1 : -1;
  // Ties keep the server's order (severity, kind, id): stable across refreshes.
  return findings.map((f, i) => ({ f, i })).sort((a, b) => sign * COMPARE[key](a.f, b.f) || a.i - b.i).map(({ f }) => f);
}

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
                <>
                  {' '}
                  <button type="button" className="btn-link" onClick={() => setAll(true)}>
                    and {list.length - shown.length} more
                  </button>
                </>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function FindingRow({ accountId, finding, onRestore }: { accountId: string; finding: FindingWithDismissal; onRestore?: (id: string) => void }) {
  const detailId = useId();
  const [open, setOpen] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  return (
    <Fragment>
      <tr className={`finding-row finding-${finding.severity}`}>
        <td className="finding-severity">
          <Badge tone={SEVERITY_TONE[finding.severity]}>{SEVERITY_LABEL[finding.severity]}</Badge>
        </td>
        <th scope="row" className="finding-title">
          {/* On a phone the severity column gives its width to the title: the badge moves here. */}
          <span className="finding-severity-inline">
            <Badge tone={SEVERITY_TONE[finding.severity]}>{SEVERITY_LABEL[finding.severity]}</Badge>
          </span>
          <button type="button" className="finding-toggle" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen(!open)}>
            <span aria-hidden="true" className="finding-caret">
              {open ? '▾' : '▸'}
            </span>
            {finding.title}
          </button>
        </th>
        <td className="finding-area">{AREA[finding.kind]}</td>
        <td className="finding-actions">
          <FixLink accountId={accountId} target={finding.fix.target} label="Fix" ariaLabel={`Fix: ${finding.title}`} />
          {finding.dismissal ? (
            <button type="button" className="btn btn-small" onClick={() => onRestore?.(finding.id)} aria-label={`Restore: ${finding.title}`}>
              Restore
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => setDismissing(true)} aria-label={`Dismiss: ${finding.title}`}>
              Dismiss
            </button>
          )}
          {dismissing ? <DismissDialog accountId={accountId} finding={finding} onClose={() => setDismissing(false)} /> : null}
        </td>
      </tr>
      <tr id={detailId} className="finding-detail" hidden={!open}>
        <td colSpan={4}>
          {open ? (
            <>
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
            </>
          ) : null}
        </td>
      </tr>
    </Fragment>
  );
}

export function FindingsTable({ accountId, findings, label, onRestore }: { accountId: string; findings: FindingWithDismissal[]; label: string; onRestore?: (id: string) => void }) {
  const [sort, setSort] = useState<Sort>({ key: 'severity', direction: 'asc' });
  const toggle = (key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));
  const direction = (key: SortKey) => (sort.key === key ? sort.direction : null);
  return (
    <div className="table-scroll">
      <table className="table findings-table" aria-label={label}>
        <thead>
          <tr>
            <SortHeader direction={direction('severity')} onToggle={() => toggle('severity')} className="finding-severity">
              Severity
            </SortHeader>
            <SortHeader direction={direction('title')} onToggle={() => toggle('title')}>
              Finding
            </SortHeader>
            <SortHeader direction={direction('area')} onToggle={() => toggle('area')} className="finding-area">
              Area
            </SortHeader>
            <th scope="col" className="finding-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted(findings, sort).map((f) => (
            <FindingRow key={f.id} accountId={accountId} finding={f} onRestore={onRestore} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
