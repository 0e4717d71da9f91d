import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Select } from '@/components/ui/select';
import { allPermissionGroupsQuery } from '@/api/permission-groups/queries';
import { userGroupQuery } from '@/api/user-groups/queries';
import { zoneSearchQuery } from '@/api/zones/queries';
import { ACCOUNT_RESOURCE } from '@/lib/analyzer/simulator';
import { toRequestBody } from '@/lib/policy-draft';
import { zoneKey } from '@/lib/scope-keys';
import { usePolicyDrafts } from '@/stores/policy-drafts';
import type { SimDraftBody } from '../api';

/** The simulator's shared fields: permission group, resource (account or a zone by domain), and policies (saved or a draft). */

/** Radix items cannot carry an empty value: "nothing chosen yet" / "saved policies" are spelled out. */
const NONE = 'none';

export function PermissionGroupSelect({ accountId, id, value, onChange }: { accountId: string; id: string; value: string; onChange: (v: string) => void }) {
  const catalogue = useQuery(allPermissionGroupsQuery(accountId));
  const options = [
    { value: NONE, label: 'Choose a permission group…', disabled: true },
    ...(catalogue.data ?? []).map((pg) => ({ value: pg.id, label: pg.name ?? pg.id })),
  ];
  return <Select id={id} size="normal" value={value || NONE} options={options} onChange={onChange} />;
}

export function ResourceSelect({ accountId, id, value, onChange }: { accountId: string; id: string; value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState('');
  const zones = useQuery(zoneSearchQuery(accountId, text));
  const options = [{ value: ACCOUNT_RESOURCE, label: 'The whole account' }, ...(zones.data?.zones ?? []).map((z) => ({ value: zoneKey(z.id), label: z.name }))];
  return (
    <div className="simulator-resource">
      <input id={`${id}-find`} className="input" type="search" aria-label="Find a zone by domain" placeholder="Find a zone…" value={text} onChange={(e) => setText(e.target.value)} />
      <Select id={id} size="normal" value={value} options={options} onChange={onChange} />
    </div>
  );
}

/** Groups with an unsaved draft on this device, offered as "answer on the draft". */
export function useDraftChoices(accountId: string) {
  const drafts = usePolicyDrafts((s) => s.drafts);
  const prefix = `${accountId}:`;
  const entries = Object.entries(drafts).filter(([key]) => key.startsWith(prefix));
  const groups = useQueries({ queries: entries.map(([key]) => ({ ...userGroupQuery(accountId, key.slice(prefix.length)), staleTime: 60_000 })) });
  return entries.map(([key, draft], i) => {
    const groupId = key.slice(prefix.length);
    const body: SimDraftBody = { group_id: groupId, policies: toRequestBody(draft.policies).policies };
    return { groupId, name: groups[i]?.data?.name ?? groupId, body };
  });
}

export function DraftSelect({ accountId, id, value, onChange }: { accountId: string; id: string; value: string; onChange: (v: string) => void }) {
  const choices = useDraftChoices(accountId);
  const options = [{ value: NONE, label: 'Saved policies' }, ...choices.map((c) => ({ value: c.groupId, label: `Saved, with the unsaved draft of ${c.name}` }))];
  return <Select id={id} size="normal" value={value || NONE} options={options} onChange={(v) => onChange(v === NONE ? '' : v)} />;
}
