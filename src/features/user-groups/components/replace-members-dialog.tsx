import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { groupMembersAllQuery } from '@/api/user-groups/queries';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { useAccountId } from '@/stores/current-account';
import { useReplaceGroupMembers } from '../api';
import { parseEmailList } from '../lib/email-list';
import { diffMembership, previewReplace, sameMembers, type Person, type ReplacePreview } from '../lib/membership';
import { useMembershipLookup } from '../use-membership-preview';
import { PersonLabel, PreviewSection } from './preview-section';

interface Checked {
  text: string;
  result: ReplacePreview;
  /** The membership the diff was computed against: compared again right before the PUT. */
  basis: Person[];
  next: Person[];
}

/**
 * Replace the whole membership (PUT). The list starts as the current members, one per line; the
 * preview shows exactly who is added and removed, and the PUT is refused if someone else changed
 * the membership since the preview, since a PUT would silently undo their change.
 */
export function ReplaceMembersDialog({ groupId, open, onOpenChange, initialText }: { groupId: string; open: boolean; onOpenChange: (open: boolean) => void; initialText?: string }) {
  const accountId = useAccountId();
  const textId = useId();
  const current = useQuery({ ...groupMembersAllQuery(accountId, groupId), enabled: open });
  const [text, setText] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checking, setChecking] = useState(false);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [drifted, setDrifted] = useState(false);
  const { lookup, readCurrent, progress } = useMembershipLookup(groupId);
  const replace = useReplaceGroupMembers(groupId);

  // Until the admin edits it, the list is who is in the group now, one per line.
  const loadedText = current.data ? current.data.map((m) => m.email ?? m.id).join('\n') : null;
  // Unless the list arrives prefilled (Terraform's put-back), starting from the current members.
  const value = text ?? initialText ?? loadedText ?? '';
  const stale = checked !== null && checked.text !== value;

  const close = () => {
    onOpenChange(false);
    setText(null);
    setChecked(null);
    setLookupError(null);
    setDrifted(false);
    replace.reset();
  };

  const check = async () => {
    setChecking(true);
    setLookupError(null);
    setDrifted(false);
    replace.reset();
    try {
      const list = parseEmailList(value);
      const { accountMembers, current: basis } = await lookup(list);
      const result = previewReplace(list, accountMembers, basis);
      setChecked({ text: value, result, basis, next: [...result.kept, ...result.added] });
    } catch (error) {
      setLookupError(error);
    } finally {
      setChecking(false);
    }
  };

  const submit = async () => {
    if (!checked || stale || checked.result.blocked) return;
    // Guard against a lost update: the membership must still be what the preview was built on.
    const now = await readCurrent();
    if (!sameMembers(now, checked.basis)) {
      setDrifted(true);
      setChecked({ ...checked, ...recompute(checked, now) });
      return;
    }
    replace.mutate(
      { ids: checked.next.map((p) => p.id), added: checked.result.added.length, removed: checked.result.removed.length },
      { onSuccess: close },
    );
  };

  const result = checked?.result;
  const changes = result ? result.added.length + result.removed.length : 0;
  const canSubmit = Boolean(result) && !stale && !result?.blocked && changes > 0 && !replace.isPending && !checking;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Replace the membership"
      description="Edit the list to be exactly who should be in this group, then check it. Everyone not listed is removed."
      size="wide"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn" onClick={() => void check()} disabled={checking || loadedText === null}>
            {checking ? 'Checking…' : checked ? 'Check again' : 'Preview changes'}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void submit()} disabled={!canSubmit} aria-busy={replace.isPending}>
            {replace.isPending
              ? 'Replacing…'
              : result
                ? `Replace: add ${result.added.length}, remove ${result.removed.length}`
                : 'Replace membership'}
          </button>
        </>
      }
    >
      {current.isError ? <ErrorBanner error={current.error} title="The current members could not be loaded" onRetry={() => void current.refetch()} /> : null}
      <div className="field">
        <label htmlFor={textId}>Members after the change (one email per line)</label>
        <textarea
          id={textId}
          className="input"
          rows={10}
          value={value}
          disabled={loadedText === null}
          aria-busy={loadedText === null}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="field-hint">{loadedText === null ? 'Loading the current members…' : 'An empty list removes everyone from the group.'}</p>
      </div>
      {progress ? <p role="status" className="muted">Looking up account members…</p> : null}
      {lookupError ? <ErrorBanner error={lookupError} title="The list could not be checked" onRetry={() => void check()} /> : null}
      {replace.isError ? <ErrorBanner error={replace.error} title="The membership was not changed" /> : null}
      {drifted ? (
        <p className="banner banner-warning" role="alert">
          Someone changed this group’s members since your preview. The preview below is updated to the current membership:
          review it before replacing.
        </p>
      ) : null}
      {stale ? (
        <p className="banner banner-warning" role="status">
          The list changed since the preview: preview again before replacing.
        </p>
      ) : null}
      {result ? (
        <div className="ug-preview" aria-label="What will change" role="region">
          {result.blocked ? (
            <p className="banner banner-error" role="alert">
              Some lines are not account members or not email addresses. Fix or delete them first: replacing with a partial list
              would remove people you meant to keep.
            </p>
          ) : null}
          {!result.blocked && changes === 0 ? <p className="banner banner-info">No change: the list matches the current members.</p> : null}
          <PreviewSection title="Will be added" tone="success" items={result.added.map((p) => <PersonLabel key={p.id} {...p} />)} />
          <PreviewSection title="Will be removed" tone="danger" items={result.removed.map((p) => <PersonLabel key={p.id} {...p} />)} />
          <PreviewSection
            title="Not members of this account"
            tone="warning"
            items={result.notAccountMembers.map((email) => <span key={email} className="mono">{email}</span>)}
          />
          <PreviewSection
            title="Not valid email addresses"
            tone="danger"
            items={result.invalid.map((e, i) => (
              <span key={i}>
                <span className="mono">{e.input}</span> <span className="muted">— {e.reason}</span>
              </span>
            ))}
          />
          <p className="muted">Unchanged: {result.kept.length.toLocaleString()}</p>
        </div>
      ) : null}
    </Dialog>
  );
}

/** The same wanted list, diffed against the membership as it is now. */
function recompute(checked: Checked, now: Person[]): Pick<Checked, 'result' | 'basis'> {
  return { result: { ...checked.result, ...diffMembership(now, checked.next) }, basis: now };
}

