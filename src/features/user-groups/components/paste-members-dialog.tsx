import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { userGroupQuery } from '@/api/user-groups/queries';
import { AccessEndControls } from '@/components/access-end/access-end-controls';
import { useAccessEnd } from '@/components/access-end/use-access-end';
import { PendingInviteesWarning } from '@/components/members/pending-invitees-warning';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { grantsAdmin } from '@/lib/effective-access';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';
import { useAddGroupMembers } from '../api';
import { parseEmailList } from '../lib/email-list';
import { describeRefused, previewAdd, type AddPreview } from '../lib/membership';
import { useMembershipLookup } from '../use-membership-preview';
import { PersonLabel, PreviewSection } from './preview-section';

/** Bulk add: paste addresses, see what will happen to each, then add them all in one request. */
export function PasteMembersDialog({ groupId, open, onOpenChange }: { groupId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const textId = useId();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ text: string; result: AddPreview } | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);
  const { lookup, progress } = useMembershipLookup(groupId);
  const add = useAddGroupMembers(groupId);
  const accountId = useAccountId();
  const group = useQuery({ ...userGroupQuery(accountId, groupId), enabled: open });
  const end = useAccessEnd(accountId, open, grantsAdmin(group.data?.policies ?? []));
  const stale = preview !== null && preview.text !== text;

  const close = () => {
    onOpenChange(false);
    setText('');
    setPreview(null);
    setLookupError(null);
    end.reset();
    add.reset();
  };

  const check = async () => {
    setChecking(true);
    setLookupError(null);
    add.reset();
    try {
      const list = parseEmailList(text);
      const { accountMembers, current } = await lookup(list);
      setPreview({ text, result: previewAdd(list, accountMembers, new Set(current.map((p) => p.id))) });
    } catch (error) {
      setLookupError(error);
    } finally {
      setChecking(false);
    }
  };

  const toAdd = preview?.result.toAdd ?? [];
  const submit = () => {
    if (end.notSaved) return void end.save(end.notSaved.grants).then((saved) => saved && close());
    if (!preview || stale || toAdd.length === 0 || !end.check()) return;
    const people = toAdd.map((p) => ({ id: p.id, email: p.email }));
    add.mutate({ ids: people.map((p) => p.id) }, { onSuccess: () => void end.save([{ groupId, people }]).then((saved) => saved && close()) });
  };

  // The API names refused items by position (/3/id): turn that back into addresses.
  const refused = add.error && isApiError(add.error) ? describeRefused(add.error.errors, toAdd) : [];

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title="Add members by email"
      description="Paste addresses separated by commas, spaces or new lines, e.g. a column from a spreadsheet or a mail’s To: line."
      size="wide"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn" onClick={() => void check()} disabled={checking || text.trim() === ''}>
            {checking ? 'Checking…' : preview ? 'Check again' : 'Check emails'}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={submit}
            disabled={(!end.notSaved && (!preview || stale || toAdd.length === 0)) || add.isPending}
            aria-busy={add.isPending}
          >
            {add.isPending ? 'Adding…' : end.notSaved ? 'Save the end again' : `Add ${pluralize(toAdd.length, 'member')}`}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={textId}>Email addresses</label>
        <textarea
          id={textId}
          className="input"
          rows={6}
          value={text}
          spellCheck={false}
          placeholder={'ana.silva@example.com\nbo.li@example.com, carla@example.com'}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <AccessEndControls state={end} />
      {progress ? (
        <p role="status" className="muted">
          Looking up account members… {progress.total > 1 ? `${progress.done} of ${progress.total}` : ''}
        </p>
      ) : null}
      {lookupError ? <ErrorBanner error={lookupError} title="The emails could not be checked" onRetry={() => void check()} /> : null}
      {add.isError ? (
        <div className="banner banner-error" role="alert">
          <strong>Nobody was added</strong>
          <ul>
            {refused.length
              ? refused.map((r) => <li key={r}>{r}</li>)
              : (isApiError(add.error) ? add.error.errors : []).map((e, i) => <li key={i}>{e.message}</li>)}
          </ul>
          <p>Check the emails again to refresh the preview.</p>
        </div>
      ) : null}
      {stale ? (
        <p className="banner banner-warning" role="status">
          The list changed since the check: check the emails again before adding.
        </p>
      ) : null}
      {preview ? (
        <div className="ug-preview" aria-label="What will happen" role="region">
          <PendingInviteesWarning emails={preview.result.toAdd.filter((p) => p.status === 'pending').map((p) => p.email)} />
          <PreviewSection
            title="Will be added"
            tone="success"
            items={preview.result.toAdd.map((p) => <PersonLabel key={p.id} {...p} />)}
            empty="Nobody new: everyone listed is already in the group or not in the account."
          />
          <PreviewSection
            title="Already in the group"
            tone="neutral"
            items={preview.result.alreadyInGroup.map((p) => <PersonLabel key={p.id} {...p} />)}
          />
          <PreviewSection
            title="Not members of this account"
            tone="warning"
            note="Skipped. Invite them to the account first (account members are managed under Manage Account → Members in the Cloudflare dashboard)."
            items={preview.result.notAccountMembers.map((email) => <span key={email} className="mono">{email}</span>)}
          />
          <PreviewSection
            title="Not valid email addresses"
            tone="danger"
            note="Skipped. Fix them in the list above and check again."
            items={preview.result.invalid.map((e, i) => (
              <span key={i}>
                <span className="mono">{e.input}</span> <span className="muted">— {e.reason}</span>
              </span>
            ))}
          />
          {preview.result.repeated.length ? (
            <p className="muted">
              Listed more than once (counted once): {preview.result.repeated.join(', ')}
            </p>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
