import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { permissionGroupQuery } from '@/api/permission-groups/queries';
import type { PermissionGroup } from '@/api/permission-groups/schema';
import { ErrorBanner } from '@/components/ui/error-banner';
import { ACTS_ON_WORDS, permissionScopeOf, scopesInWords } from '@/lib/permission-scope';
import { useAccountId } from '@/stores/current-account';
import { labelOf } from '../label';
import { PermissionGroupUsedBy } from './permission-group-used-by';

/** The side panel's frame: a labelled region that takes focus on open and closes on Escape. */
function PanelFrame({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const accountId = useAccountId();
  const navigate = useNavigate();
  const close = () => void navigate({ to: '/accounts/$accountId/permission-groups', params: { accountId }, search: (prev) => prev });
  useEffect(() => heading.current?.focus(), [title]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  return (
    <aside className="detail-panel" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="detail-panel-header">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <Link to="/accounts/$accountId/permission-groups" params={{ accountId }} search={(prev) => prev} className="btn btn-small" aria-label="Close details">
          Close
        </Link>
      </div>
      {children}
    </aside>
  );
}

/** What the group acts on, in words ("Account, Workers"); without `meta.scopes`, the name's guess, said to be one. */
function ActsOn({ pg }: { pg: PermissionGroup }) {
  const words = scopesInWords(pg.meta);
  if (words.length) return <>{words.join(', ')}</>;
  const guess = permissionScopeOf(pg);
  if (guess === 'unknown') return <span className="muted">(not stated)</span>;
  return (
    <>
      {ACTS_ON_WORDS[guess]} <span className="muted">(not stated by the API; guessed from the name)</span>
    </>
  );
}

export function PermissionGroupPanel({ permissionGroupId }: { permissionGroupId: string }) {
  const accountId = useAccountId();
  const { data: pg } = useSuspenseQuery(permissionGroupQuery(accountId, permissionGroupId));
  const label = labelOf(pg);
  return (
    <PanelFrame title={pg.name ?? pg.id}>
      <dl className="details">
        <dt>Name</dt>
        <dd>{pg.name ?? <span className="muted">(none)</span>}</dd>
        <dt>ID</dt>
        <dd className="mono wrap-anywhere">{pg.id}</dd>
        <dt>Label</dt>
        <dd className="mono">{label ?? <span className="muted">(none)</span>}</dd>
        <dt>Acts on</dt>
        <dd>
          <ActsOn pg={pg} />
        </dd>
        {pg.meta?.description ? (
          <>
            <dt>Description</dt>
            <dd>{pg.meta.description}</dd>
          </>
        ) : null}
        {pg.meta?.key !== undefined && pg.meta.key !== 'label' ? (
          <>
            <dt>Meta</dt>
            <dd className="mono wrap-anywhere">{`${pg.meta.key} = ${pg.meta.value ?? ''}`}</dd>
          </>
        ) : null}
      </dl>
      <h3>Used by</h3>
      <PermissionGroupUsedBy permissionGroupId={pg.id} />
    </PanelFrame>
  );
}

/** A panel that failed to load (unknown id, network): the list stays usable beside it. */
export function PermissionGroupPanelError({ error }: { error: unknown }) {
  return (
    <PanelFrame title="Permission group not available">
      <ErrorBanner error={error} title="This permission group could not be loaded" />
      <p className="muted">It may not exist in this account's catalogue. Pick another from the list.</p>
    </PanelFrame>
  );
}
