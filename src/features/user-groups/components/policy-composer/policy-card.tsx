import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { PermissionGroup } from '@/api/permission-groups/schema';
import type { ResourceGroup } from '@/api/resource-groups/schema';
import { Badge } from '@/components/ui/badge';
import { resourceRefKey, type DraftPolicy, type ResourceRef } from '@/lib/policy-draft';
import type { PolicyErrorSet } from '@/lib/policy-errors';
import { policyZoneNames, summarizePolicy, ZONES_NAMED } from '@/lib/policy-summary';
import { combinationWarnings } from '@/lib/resource-scope';
import { PermissionGroupPicker } from './permission-group-picker';
import { ResourceGroupPicker } from './resource-group-picker';
import type { Lookups } from './use-composer';

// The scope builder loads when the admin first creates a resource group from a card.
const NewResourceGroupDialog = lazy(() =>
  import('./new-resource-group-dialog').then((m) => ({ default: m.NewResourceGroupDialog })),
);

interface PolicyCardProps {
  index: number;
  policy: DraftPolicy;
  /** Saved in the API as it is now (a kept id, untouched). */
  status: 'new' | 'changed' | 'saved';
  catalogue: PermissionGroup[];
  resourceGroups: ResourceGroup[];
  lookups: Lookups;
  errors?: PolicyErrorSet;
  /** Missing entries found before sending. */
  problems?: { permissionGroups?: string; resourceGroups?: string };
  onChange: (next: DraftPolicy) => void;
  onDuplicate: () => void;
  onRemove: () => void;
  onCreatedResourceGroup?: (group: { id: string; name: string }) => void;
}

/** One policy: Allow/Deny, its permission groups and resource groups, in words and as chips. */
export function PolicyCard({ index, policy, status, catalogue, resourceGroups, lookups, errors, problems, onChange, onDuplicate, onRemove, onCreatedResourceGroup }: PolicyCardProps) {
  const id = useId();
  const label = `Policy ${index + 1}`;
  const [creating, setCreating] = useState(false);

  const resolved = useMemo(() => policy.resourceGroups.map((ref) => ({ ref, r: lookups.resource(ref) })), [policy.resourceGroups, lookups]);
  const resources = resolved.map(({ r }) => ({ label: r.label, scope: r.scope }));
  const summary = summarizePolicy({
    access: policy.access,
    permissionGroups: policy.permissionGroups.map((pg) => lookups.permissionGroup(pg).name ?? pg),
    resources,
    names: lookups.names,
  });
  // The sentence names the first few zones; the rest are one press away.
  const zones = policyZoneNames(resources, lookups.names);
  const warnings = combinationWarnings(
    policy.permissionGroups.map((pg) => lookups.permissionGroup(pg)),
    resolved.map(({ r }) => ({ name: r.label, scope: r.scope })),
  );
  const warnedPgs = new Set(warnings.map((w) => w.permissionGroupId));
  const pairedNames = new Set(warnings.flatMap((w) => w.resourceGroupNames));
  const warnedRgs = new Set(resolved.filter(({ r }) => pairedNames.has(r.label)).map(({ ref }) => resourceRefKey(ref)));
  const certain = warnings.some((w) => w.certain);
  // Errors still apply while their entry is there: fixing the entry clears the card.
  const refKeys = new Set(policy.resourceGroups.map(resourceRefKey));
  const hasErrors = Boolean(
    errors &&
      (errors.general.length ||
        errors.permissionGroupsList ||
        errors.resourceGroupsList ||
        policy.permissionGroups.some((pg) => errors.permissionGroups[pg]) ||
        Object.keys(errors.resourceGroups).some((k) => refKeys.has(k))),
  );

  const setRefs = (resourceGroups: ResourceRef[]) => onChange({ ...policy, resourceGroups });

  return (
    <section
      className={`card policy-card policy-${policy.access}${hasErrors ? ' policy-card-invalid' : ''}`}
      aria-labelledby={`${id}-title`}
      data-policy-key={policy.key}
    >
      <header className="policy-card-header">
        <h3 id={`${id}-title`} className="policy-card-title">
          {label}
        </h3>
        {status === 'new' ? <Badge tone="info">New</Badge> : status === 'changed' ? <Badge tone="warning">Changed</Badge> : null}
        {policy.id ? <span className="mono muted policy-id">id {policy.id.slice(0, 8)}…</span> : null}
        <fieldset className="segmented" aria-label={`Access for ${label}`}>
          {(['allow', 'deny'] as const).map((access) => (
            <label key={access} className={`segment segment-${access}${policy.access === access ? ' segment-on' : ''}`}>
              <input type="radio" name={`${id}-access`} checked={policy.access === access} onChange={() => onChange({ ...policy, access })} />
              {access === 'allow' ? 'Allow' : 'Deny'}
            </label>
          ))}
        </fieldset>
        <div className="policy-card-actions">
          <button type="button" className="btn btn-small" onClick={onDuplicate} aria-label={`Duplicate ${label}`}>
            Duplicate
          </button>
          <button type="button" className="btn btn-small" onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove
          </button>
        </div>
      </header>

      <p className="policy-sentence">{summary}</p>
      {zones.length > ZONES_NAMED ? (
        <details className="policy-zones">
          <summary>Show all {zones.length} zones</summary>
          <ul aria-label={`Zones ${label} reaches`}>
            {zones.map((zone, i) => (
              <li key={i}>{zone}</li>
            ))}
          </ul>
        </details>
      ) : null}

      {hasErrors ? (
        <div className="banner banner-error policy-errors" role="alert">
          <strong>The API refused this policy.</strong> What you entered is kept; fix the marked entries and review again.
          {errors!.general.length ? (
            <ul>
              {errors!.general.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {warnings.length ? (
        <div className="banner banner-warning policy-warning" role="note">
          <strong>{certain ? 'The API will refuse this pairing (code 1006):' : 'Likely refused (code 1006):'}</strong>
          <ul>
            {warnings.map((w) => (
              <li key={w.permissionGroupId}>
                {w.message} {w.fix}
              </li>
            ))}
          </ul>
          <span className="muted">
            {certain
              ? '(From what each permission group acts on, as the API lists it.)'
              : '(Judged from known permission group names; the API decides.)'}
          </span>
        </div>
      ) : null}

      <div className="policy-card-body">
        <PermissionGroupPicker
          policyLabel={label}
          selected={policy.permissionGroups}
          catalogue={catalogue}
          describe={lookups.permissionGroup}
          onChange={(permissionGroups) => onChange({ ...policy, permissionGroups })}
          errors={errors?.permissionGroups}
          listError={errors?.permissionGroupsList ?? problems?.permissionGroups}
          warnings={warnedPgs}
        />
        <ResourceGroupPicker
          policyLabel={label}
          selected={policy.resourceGroups}
          resourceGroups={resourceGroups}
          describe={lookups.resource}
          onChange={setRefs}
          onNew={() => setCreating(true)}
          errors={errors?.resourceGroups}
          listError={errors?.resourceGroupsList ?? problems?.resourceGroups}
          warnings={warnedRgs}
        />
      </div>
      {creating ? (
        <Suspense fallback={null}>
          <NewResourceGroupDialog
            open={creating}
            onOpenChange={setCreating}
            policyLabel={label}
            onCreated={onCreatedResourceGroup}
            onAdd={(ref) => {
              if (!policy.resourceGroups.some((r) => resourceRefKey(r) === resourceRefKey(ref))) setRefs([...policy.resourceGroups, ref]);
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
