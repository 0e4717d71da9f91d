import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { allPermissionGroupsQuery } from '../../../api/queries/permission-groups';
import { userGroupQuery } from '../../../api/queries/user-groups';
import { zoneSearchQuery } from '../../../api/queries/zones';
import { ACCOUNT_RESOURCE } from '../../../lib/analyzer/simulator';
import { toRequestBody } from '../../../lib/policy-draft';
import { zoneKey } from '../../../lib/scope-keys';
import { usePolicyDrafts } from '../../../stores/policy-drafts';
import type { SimDraftBody } from '../api';

/** The simulator's shared fields: permission group, resource (account or a zone by domain), and policies (saved or a draft). */

export function PermissionGroupSelect({ accountId, id, value, onChange }: { accountId: string; id: string; value: string; onChange: (v: string) => void }) {
  const catalogue = useQuery(allPermissionGroupsQuery(accountId));
  return (
    <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} required>
      <option value="">Choose a permission group…</option>
      {(catalogue.data ?? []).map((pg) => (
        <option key={pg.id} value={pg.id}>
          {pg.name ?? pg.id}
        </option>
      ))}
    </select>
  );
}

export function ResourceSelect({ accountId, id, value, onChange }: { accountId: string; id: string; value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState('');
  const zones = useQuery(zoneSearchQuery(accountId, text));
  return (
    <div className="simulator-resource">
      <input id={`${id}-find`} className="input" type="search" aria-label="Find a zone by domain" placeholder="Find a zone…" value={text} onChange={(e) => setText(e.target.value)} />
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value={ACCOUNT_RESOURCE}>The whole account</option>
        {(zones.data?.zones ?? []).map((z) => (
          <option key={z.id} value={zoneKey(z.id)}>
            {z.name}
          </option>
        ))}
      </select>
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
  return (
    <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Saved policies</option>
      {choices.map((c) => (
        <option key={c.groupId} value={c.groupId}>
          Saved, with the unsaved draft of {c.name}
        </option>
      ))}
    </select>
  );
}
