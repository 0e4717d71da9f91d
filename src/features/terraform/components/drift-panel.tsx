import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { latestChangeQuery } from '@/api/history/queries';
import { fetchTerraformLive, type TerraformScope } from '@/api/terraform/queries';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { formatDateTime, pluralize } from '@/lib/format';
import { loadBaseline, MAX_BASELINE_BYTES, type Baseline } from '@/lib/terraform/baseline';
import { compareBaseline, notInCode, type DriftItem } from '@/lib/terraform/drift';
import { resourceBlock } from '@/lib/terraform/hcl-writer';
import type { NameBook, Skipped, TfResource } from '@/lib/terraform/model';
import { usePutBack } from '../use-put-back';

/** Drifted resources shown at a time: each asks History who changed it (the console's server, not Cloudflare). */
const SHOWN_AT_ONCE = 50;
/** Up to this many groups in a baseline are read one by one; more, and the whole account is read. */
const GROUPS_BY_ID = 25;

/** The live side to read for a baseline: its groups, or the whole account when it holds more. */
function liveScope(baseline: Baseline): TerraformScope {
  const groups = [...new Set(baseline.resources.filter((r) => r.type === 'cloudflare_user_group' || r.type === 'cloudflare_user_group_members').map((r) => r.id))];
  const accountWide = baseline.resources.some((r) => r.type === 'cloudflare_sso_connector' || r.type === 'cloudflare_account_member');
  return accountWide || groups.length > GROUPS_BY_ID ? {} : { groups };
}

const HISTORY_TYPE: Partial<Record<TfResource['type'], string>> = { cloudflare_user_group: 'user_group', cloudflare_user_group_members: 'user_group', cloudflare_sso_connector: 'sso_connector' };

function ChangedBy({ accountId, item }: { accountId: string; item: DriftItem }) {
  const type = HISTORY_TYPE[item.code.type];
  const latest = useQuery({ ...latestChangeQuery(accountId, type ?? 'none', item.code.id), enabled: type !== undefined });
  if (!type) return <p className="muted">Who changed it: not recorded (account members are not in the journal).</p>;
  if (latest.isPending) return <p className="muted">Looking up who changed it…</p>;
  if (!latest.data) return <p className="muted">Who changed it: no change recorded in History.</p>;
  return (
    <p>
      Last changed by <strong>{latest.data.actor.label}</strong> at <time dateTime={latest.data.at}>{formatDateTime(latest.data.at)}</time> ({latest.data.source}).
    </p>
  );
}

function DriftEntry({ accountId, item, names }: { accountId: string; item: DriftItem; names: NameBook }) {
  const [showCode, setShowCode] = useState(false);
  const putBack = usePutBack(accountId);
  const codeId = useId();
  const live = item.live;
  const liveHcl = live ? resourceBlock({ ...live, resourceName: item.code.resourceName }, accountId, names) : '';
  const policiesDiffer = item.changes.some((c) => c.field.startsWith('policies'));
  return (
    <li className="card" aria-label={`${item.label}: ${item.status === 'gone' ? 'deleted' : 'drifted'}`}>
      <h3>
        {item.label} <code className="muted">{item.address}</code>
      </h3>
      <table className="table">
        <caption className="sr-only">What differs for {item.label}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">In the code</th>
            <th scope="col">In the account</th>
          </tr>
        </thead>
        <tbody>
          {item.changes.map((c) => (
            <tr key={`${c.field}:${c.code}:${c.live}`}>
              <th scope="row">{c.field}</th>
              <td>{c.code}</td>
              <td>{c.live}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChangedBy accountId={accountId} item={item} />
      <div className="row-actions">
        {live ? (
          <button type="button" className="btn" aria-expanded={showCode} aria-controls={codeId} onClick={() => setShowCode((v) => !v)}>
            Update the code
          </button>
        ) : null}
        {item.code.type === 'cloudflare_user_group' && live && policiesDiffer ? (
          <button type="button" className="btn btn-primary" disabled={putBack.busy} onClick={() => item.code.type === 'cloudflare_user_group' && void putBack.start(item.code.id, item.code.policies)}>
            Put the account back
          </button>
        ) : null}
        {item.code.type === 'cloudflare_user_group' && live && !policiesDiffer ? (
          <Link to="/accounts/$accountId/groups/$groupId" params={{ accountId, groupId: item.code.id }} className="btn">
            Put the account back: rename on the group’s page
          </Link>
        ) : null}
        {item.code.type === 'cloudflare_user_group_members' && live ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => item.code.type === 'cloudflare_user_group_members' && void putBack.startMembers(item.code.id, item.code.members.map((id) => names.members[id] ?? id))}
          >
            Put the account back
          </button>
        ) : null}
      </div>
      <ErrorBanner error={putBack.error} title="Could not start the draft" />
      {showCode && live ? (
        <div id={codeId}>
          <p>Replace the block in your code with what the account has now:</p>
          <CopyButton value={liveHcl} label={`Copy the HCL for ${item.address}`} />
          <pre className="code-block" tabIndex={0} aria-label={`HCL for ${item.address} as the account has it`}>
            {liveHcl}
          </pre>
        </div>
      ) : null}
    </li>
  );
}

function SkippedList({ skipped, title }: { skipped: readonly Skipped[]; title: string }) {
  if (!skipped.length) return null;
  return (
    <details open={skipped.length <= 10}>
      <summary>
        {title} ({skipped.length})
      </summary>
      <ul>
        {skipped.map((s, i) => (
          <li key={`${s.what}:${i}`}>
            <strong>{s.what}</strong>: {s.reason} <span className="muted">{s.instead}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Drift: a baseline loaded in this page only (never uploaded, never stored), compared with a live
 * export of the same objects.
 */
export function DriftPanel({ accountId, exportText }: { accountId: string; exportText: string | null }) {
  const inputId = useId();
  const [loaded, setLoaded] = useState<{ baseline: Baseline; source: string } | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; skipped: Skipped[] } | null>(null);
  const [shown, setShown] = useState(SHOWN_AT_ONCE);

  const take = (text: string, source: string) => {
    const result = loadBaseline(text, accountId);
    setShown(SHOWN_AT_ONCE);
    if (result.ok) {
      setRefusal(null);
      setLoaded({ baseline: result.baseline, source });
    } else {
      setLoaded(null);
      setRefusal({ message: result.message, skipped: result.skipped });
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BASELINE_BYTES) {
      setLoaded(null);
      setRefusal({ message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; a baseline can be at most ${MAX_BASELINE_BYTES / 1024 / 1024} MB. Nothing was read.`, skipped: [] });
      return;
    }
    take(await file.text(), file.name);
  };

  const scope = loaded ? liveScope(loaded.baseline) : null;
  const live = useQuery({
    queryKey: ['accounts', accountId, 'terraform-live', loaded?.source, loaded?.baseline.resources.length],
    queryFn: ({ signal }) => fetchTerraformLive(accountId, scope!, signal),
    enabled: loaded !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const drift = loaded && live.data ? compareBaseline(loaded.baseline.resources, live.data) : null;
  const drifted = drift?.filter((d) => d.status !== 'same') ?? [];
  // Only a whole-account read can tell what the code lacks; a group selection reads just those groups.
  const extra = loaded && live.data && scope && !scope.groups ? notInCode(loaded.baseline.resources, live.data) : [];

  return (
    <section aria-labelledby="tf-drift-title" className="card">
      <h2 id="tf-drift-title">Drift</h2>
      <p className="muted">
        Load a Terraform state file (format version 4), the JSON of <code>terraform show -json</code>, or HCL from this export. It is read in this page only: nothing is
        uploaded or kept after you leave, and no value of it is shown except the compared fields.
      </p>
      <div className="row-actions">
        <label htmlFor={inputId}>Baseline file</label>
        <input id={inputId} type="file" accept=".tfstate,.json,.tf,.hcl,application/json,text/plain" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
        {exportText ? (
          <button type="button" className="btn" onClick={() => take(exportText, 'the export above')}>
            Use the export above as the baseline
          </button>
        ) : null}
      </div>
      {refusal ? (
        <div className="banner banner-error" role="alert">
          <p>{refusal.message}</p>
          <SkippedList skipped={refusal.skipped} title="Skipped" />
        </div>
      ) : null}
      {loaded ? (
        <>
          <p role="status">
            Baseline: {loaded.source}, {pluralize(loaded.baseline.resources.length, 'resource')} read ({loaded.baseline.format === 'hcl' ? 'HCL' : loaded.baseline.format === 'state' ? 'state file' : 'terraform show -json'}).
          </p>
          <SkippedList skipped={loaded.baseline.skipped} title="Not compared" />
          {live.isPending ? <p role="status">Reading the account…</p> : null}
          {live.data?.memberships_as_of ? <p className="muted">Memberships as of the membership index’s pass at {formatDateTime(live.data.memberships_as_of)}.</p> : null}
          <ErrorBanner error={live.error} title="Could not read the account" onRetry={() => void live.refetch()} />
          {drift ? (
            drifted.length === 0 ? (
              <p role="status" className="banner banner-success">
                No drift: all {pluralize(drift.length, 'resource')} match the account.
              </p>
            ) : (
              <>
                <p role="status">
                  {pluralize(drifted.length, 'resource')} of {drift.length} differ from the account.
                </p>
                <ul className="stack" aria-label="Drifted resources">
                  {drifted.slice(0, shown).map((item) => (
                    <DriftEntry key={item.key} accountId={accountId} item={item} names={live.data!.names} />
                  ))}
                </ul>
                {drifted.length > shown ? (
                  <button type="button" className="btn" onClick={() => setShown((n) => n + SHOWN_AT_ONCE)}>
                    Show {Math.min(SHOWN_AT_ONCE, drifted.length - shown)} more of {drifted.length - shown}
                  </button>
                ) : null}
              </>
            )
          ) : null}
          {extra.length ? (
            <details>
              <summary>{pluralize(extra.length, 'object')} in the account not in this code (created outside it, or not imported)</summary>
              <ul>
                {extra.slice(0, 200).map((x) => (
                  <li key={x.key}>{x.label}</li>
                ))}
                {extra.length > 200 ? <li>… and {extra.length - 200} more: export the account to get them all as code.</li> : null}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
