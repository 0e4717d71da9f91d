import { diffPolicies } from '@/lib/policy-diff';
import type { DraftPolicy } from '@/lib/policy-draft';
import { PolicyDiffView, sentence } from './policy-diff-view';
import type { Lookups } from './use-composer';

interface ConflictViewProps {
  base: DraftPolicy[];
  baseModifiedOn: string;
  theirs: DraftPolicy[];
  theirModifiedOn: string;
  mine: DraftPolicy[];
  lookups: Lookups;
  /** Who saved "theirs" and when, from the journal or the audit log, when known. */
  changedBy?: string;
  onMerge: () => void;
  onOverwrite: () => void;
  onDiscardMine: () => void;
}

/** To the second: two saves a minute apart must not read as the same time. */
const preciseTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const formatPrecise = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : preciseTime.format(date);
};

function PolicyList({ policies, lookups }: { policies: DraftPolicy[]; lookups: Lookups }) {
  if (policies.length === 0) return <p className="muted">No policies.</p>;
  return (
    <ol className="policy-list">
      {policies.map((p) => (
        <li key={p.key}>{sentence(p, lookups)}</li>
      ))}
    </ol>
  );
}

/**
 * Someone saved this group's policies after the editor opened. Their version and the draft side
 * by side, each with what it changed since then; the admin merges, overwrites or discards.
 */
export function ConflictView({ base, baseModifiedOn, theirs, theirModifiedOn, mine, lookups, changedBy, onMerge, onOverwrite, onDiscardMine }: ConflictViewProps) {
  return (
    <div className="conflict">
      <div className="banner banner-warning" role="alert">
        <strong>{changedBy ? `Changed by ${changedBy} while you were editing.` : 'Someone else changed these policies while you were editing.'}</strong>{' '}
        You started from the version of {formatPrecise(baseModifiedOn)}; the group was saved again at {formatPrecise(theirModifiedOn)}. Saving your draft
        as it is would undo their change, so choose what to do.
      </div>
      <div className="conflict-columns">
        <section className="conflict-column" aria-labelledby="conflict-theirs">
          <h3 id="conflict-theirs">Theirs (saved now)</h3>
          <h4>What they changed</h4>
          <PolicyDiffView diff={diffPolicies(base, theirs)} after={theirs} lookups={lookups} emptyText="Nothing in the policies." />
          <h4>Their policies</h4>
          <PolicyList policies={theirs} lookups={lookups} />
        </section>
        <section className="conflict-column" aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">Yours (draft)</h3>
          <h4>What you changed</h4>
          <PolicyDiffView diff={diffPolicies(base, mine)} after={mine} lookups={lookups} />
          <h4>Your policies</h4>
          <PolicyList policies={mine} lookups={lookups} />
        </section>
      </div>
      <div className="conflict-actions">
        <button type="button" className="btn btn-primary" onClick={onMerge}>
          Merge both
        </button>
        <span className="muted">Their changes plus yours; you review the result before saving.</span>
        {/* Undoing a colleague's saved work is the destructive choice; dropping one's own draft is not. */}
        <button type="button" className="btn btn-danger" onClick={onOverwrite}>
          Overwrite theirs
        </button>
        <span className="muted">Keep your draft as is; their change is undone when you save.</span>
        <button type="button" className="btn" onClick={onDiscardMine}>
          Discard mine
        </button>
        <span className="muted">Drop your draft and continue from their version.</span>
      </div>
    </div>
  );
}
