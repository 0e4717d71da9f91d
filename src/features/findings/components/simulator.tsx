import { useGuardedMutation } from '@/api/use-guarded-mutation';
import { Link } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { policyRefLabel } from '@/components/access-matrix/access-labels';
import { ErrorBanner } from '@/components/ui/error-banner';
import type { Reason } from '@/lib/effective-access';
import { ACCOUNT_RESOURCE, type CanAnswer, type WhoAnswer } from '@/lib/analyzer/simulator';
import { simulate } from '../api';
import { DraftSelect, PermissionGroupSelect, ResourceSelect, useDraftChoices } from './simulator-inputs';

/** "Ops · Policy 1", "Break-glass Admins · Policy 1 (as Super Administrator - All Privileges)", "Role Administrator (as Administrator)". */
const viaLabel = (r: Reason) => `${policyRefLabel(r.policy)}${r.implied ? ` (as ${r.implied.name})` : ''}`;

const OUTCOME = { allow: 'Allowed', deny: 'Denied', none: 'Denied: nothing grants it' } as const;

function ReasonList({ accountId, reasons, label }: { accountId: string; reasons: Reason[]; label: string }) {
  return (
    <ul aria-label={label}>
      {reasons.map((r) => (
        <li key={`${r.policy.groupId}:${r.policy.source ?? 'group'}:${r.policy.position}:${r.implied?.id ?? ''}`}>
          {r.policy.source && r.policy.source !== 'group' ? (
            <Link to="/accounts/$accountId/members/$memberId" params={{ accountId, memberId: r.policy.groupId.replace(/^member:/, '') }}>
              {policyRefLabel(r.policy)}
            </Link>
          ) : (
            <Link to="/accounts/$accountId/groups/$groupId/policies" params={{ accountId, groupId: r.policy.groupId }}>
              {policyRefLabel(r.policy)}
            </Link>
          )}{' '}
          ({r.access}
          {r.implied ? ` as ${r.implied.name}` : ''}, through {r.through.join(', ')})
        </li>
      ))}
    </ul>
  );
}

function useQuestionFields(accountId: string) {
  const [permissionGroup, setPermissionGroup] = useState('');
  const [resource, setResource] = useState(ACCOUNT_RESOURCE);
  const [draftGroup, setDraftGroup] = useState('');
  // Shown once an ask is tried without one: the styled select has no browser "required" check.
  const [permissionGroupMissing, setPermissionGroupMissing] = useState(false);
  const drafts = useDraftChoices(accountId);
  const draft = drafts.find((d) => d.groupId === draftGroup)?.body;
  const choosePermissionGroup = (value: string) => {
    setPermissionGroup(value);
    setPermissionGroupMissing(false);
  };
  /** Whether the form may be asked; marks the permission group when it is missing. */
  const ready = () => {
    setPermissionGroupMissing(!permissionGroup);
    return Boolean(permissionGroup);
  };
  return { permissionGroup, setPermissionGroup: choosePermissionGroup, permissionGroupMissing, ready, resource, setResource, draftGroup, setDraftGroup, draft };
}

function SharedFields({ accountId, id, f }: { accountId: string; id: string; f: ReturnType<typeof useQuestionFields> }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-pg`}>Permission group</label>
        <PermissionGroupSelect accountId={accountId} id={`${id}-pg`} value={f.permissionGroup} onChange={f.setPermissionGroup} />
        {f.permissionGroupMissing ? (
          <p className="field-error" role="alert">
            Choose a permission group to ask about.
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-on`}>On</label>
        <ResourceSelect accountId={accountId} id={`${id}-on`} value={f.resource} onChange={f.setResource} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-policies`}>Policies</label>
        <DraftSelect accountId={accountId} id={`${id}-policies`} value={f.draftGroup} onChange={f.setDraftGroup} />
      </div>
    </>
  );
}

export function CanQuestion({ accountId }: { accountId: string }) {
  const id = useId();
  const f = useQuestionFields(accountId);
  const [member, setMember] = useState('');
  const ask = useGuardedMutation({
    mutationFn: () => simulate(accountId, { question: 'can', member_id: member, permission_group_id: f.permissionGroup, resource: f.resource, ...(f.draft ? { draft: f.draft } : {}) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (f.ready() && member.trim()) ask.mutate();
  };
  const answer = ask.data?.result as CanAnswer | undefined;
  return (
    <form className="card simulator-question" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>Can a member use a permission group?</h3>
      <div className="field">
        <label htmlFor={`${id}-member`}>Member (email or id)</label>
        <input id={`${id}-member`} className="input" value={member} onChange={(e) => setMember(e.target.value)} required autoComplete="off" />
      </div>
      <SharedFields accountId={accountId} id={id} f={f} />
      <button type="submit" className="btn btn-primary" disabled={ask.isPending}>
        {ask.isPending ? 'Checking…' : 'Check access'}
      </button>
      {ask.error ? <ErrorBanner error={ask.error} title="No answer" /> : null}
      {answer ? (
        <div role="status" className={`simulator-answer simulator-${answer.outcome}`} aria-label="Access answer">
          <p>
            <strong>{OUTCOME[answer.outcome]}</strong> for {answer.member?.email ?? member}
            {answer.groups.length ? ` (in ${answer.groups.map((g) => g.name).join(', ')})` : ' (in no group)'}.
          </p>
          {answer.decidedBy.length ? (
            <>
              <p>Decided by:</p>
              <ReasonList accountId={accountId} reasons={answer.decidedBy} label="Deciding policies" />
            </>
          ) : null}
          {answer.overridden.length ? (
            <>
              <p>Allows the deny takes back:</p>
              <ReasonList accountId={accountId} reasons={answer.overridden} label="Overridden allows" />
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

export function WhoQuestion({ accountId }: { accountId: string }) {
  const id = useId();
  const f = useQuestionFields(accountId);
  const ask = useGuardedMutation({
    mutationFn: () => simulate(accountId, { question: 'who', permission_group_id: f.permissionGroup, resource: f.resource, ...(f.draft ? { draft: f.draft } : {}) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (f.ready()) ask.mutate();
  };
  const answer = ask.data?.result as WhoAnswer | undefined;
  return (
    <form className="card simulator-question" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>Who can use a permission group?</h3>
      <SharedFields accountId={accountId} id={id} f={f} />
      <button type="submit" className="btn btn-primary" disabled={ask.isPending}>
        {ask.isPending ? 'Checking…' : 'List who can'}
      </button>
      {ask.error ? <ErrorBanner error={ask.error} title="No answer" /> : null}
      {answer ? (
        <div role="status" className="simulator-answer" aria-label="Who can answer">
          <p>
            <strong>{answer.allowed.length}</strong> {answer.allowed.length === 1 ? 'member is' : 'members are'} allowed
            {answer.denied.length ? `; ${answer.denied.length} more would be, but a deny stops them` : ''}.
          </p>
          <ul aria-label="Members allowed">
            {answer.allowed.slice(0, 100).map((a) => (
              <li key={a.member.id}>
                <Link to="/accounts/$accountId/members/$memberId" params={{ accountId, memberId: a.member.id }}>
                  {a.member.email}
                </Link>{' '}
                — via {a.decidedBy.map(viaLabel).join(', ')}
              </li>
            ))}
          </ul>
          {answer.denied.length ? (
            <ul aria-label="Members denied">
              {answer.denied.slice(0, 100).map((a) => (
                <li key={a.member.id}>
                  {a.member.email} — denied by {a.decidedBy.map(viaLabel).join(', ')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
