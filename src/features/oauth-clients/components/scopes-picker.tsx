import { useStore } from '@tanstack/react-form';
import { useId, useMemo, useState } from 'react';
import type { OAuthScope } from '@/api/oauth/schema';
import { fieldErrorText } from '@/components/form/api-errors';
import { pluralize } from '@/lib/format';
import { managedScopesFor } from '../schemas';
import type { ClientForm } from './use-client-form';

/** Identity scopes an admin may pick; openid and offline_access follow the flows instead. */
const PICKABLE_IDENTITY: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'profile', name: 'Basic profile (name and picture)' },
  { id: 'email', name: 'Email address' },
];

interface ScopesPickerProps {
  catalogue: OAuthScope[];
  /** The form's `scopes` (each selected scope's chip is the field `scopes[i]`) and `optional_scopes`. */
  form: ClientForm;
}

function matches(scope: { id: string; name: string; category?: string }, query: string) {
  if (!query) return true;
  const q = query.toLowerCase();
  return scope.id.toLowerCase().includes(q) || scope.name.toLowerCase().includes(q) || (scope.category ?? '').toLowerCase().includes(q);
}

/** Scopes from GET /oauth/scopes by category, searchable; the selection is listed with its errors. */
export function ScopesPicker(props: ScopesPickerProps) {
  const { catalogue, form } = props;
  const scopes = useStore(form.store, (s) => s.values.scopes);
  const optionalScopes = useStore(form.store, (s) => s.values.optional_scopes);
  // Which protocol scopes the API will add for the chosen grant and response types.
  const managed = managedScopesFor(useStore(form.store, (s) => s.values));
  const scopesMeta = useStore(form.store, (s) => s.fieldMeta.scopes);
  const optionalMeta = useStore(form.store, (s) => s.fieldMeta.optional_scopes);
  const listError = fieldErrorText(scopesMeta) ?? fieldErrorText(optionalMeta);
  const onOptionalChange = (optional: string[]) => form.setFieldValue('optional_scopes', optional);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const byId = useMemo(() => new Map(catalogue.map((s) => [s.id, s])), [catalogue]);
  const groups = useMemo(() => {
    const out = new Map<string, OAuthScope[]>();
    for (const scope of catalogue) {
      const category = scope.category ?? 'Other';
      out.set(category, [...(out.get(category) ?? []), scope]);
    }
    return [...out];
  }, [catalogue]);

  const toggle = (id: string, on: boolean) => {
    if (on) void form.pushFieldValue('scopes', id);
    else {
      // TanStack Form moves the errors of the chips after it along with them.
      void form.removeFieldValue('scopes', scopes.indexOf(id));
      onOptionalChange(optionalScopes.filter((s) => s !== id));
    }
  };
  const nameOf = (id: string) => byId.get(id)?.name ?? PICKABLE_IDENTITY.find((s) => s.id === id)?.name ?? 'Not in the scope catalogue';

  const visibleGroups = groups.map(([category, list]) => [category, list.filter((s) => matches(s, query))] as const).filter(([, list]) => list.length > 0);
  const identityVisible = PICKABLE_IDENTITY.filter((s) => matches({ ...s, category: 'Identity' }, query));
  const managedVisible = (['openid', 'offline_access'] as const).filter((id) => matches({ id, name: id, category: 'Identity' }, query));

  return (
    <div className={`oc-scopes-picker${listError ? ' field-invalid' : ''}`}>
      <section className="oc-scopes-selected" aria-labelledby={`${searchId}-selected`}>
        <h3 id={`${searchId}-selected`}>Selected scopes ({scopes.length})</h3>
        {scopes.length === 0 ? <p className="muted">No scopes selected yet. Pick them from the catalogue below.</p> : null}
        <ul className="oc-scope-chips">
          {scopes.map((id, i) => (
            <form.Field key={i} name={`scopes[${i}]`}>
              {(chip) => {
                const error = fieldErrorText(chip.state.meta);
                const optionalId = `${searchId}-opt-${i}`;
                return (
                  <li className={`oc-scope-chip${error ? ' field-invalid' : ''}`}>
                    <div className="oc-scope-chip-main">
                      <span className="oc-scope-name">{nameOf(id)}</span> <span className="mono muted">{id}</span>
                    </div>
                    <label className="oc-checkbox-row oc-scope-optional" htmlFor={optionalId}>
                      {/* Every chip has one: the name says which scope, and keeps the visible word (label in name). */}
                      <input
                        id={optionalId}
                        type="checkbox"
                        aria-label={`Make ${id} optional`}
                        checked={optionalScopes.includes(id)}
                        onChange={(e) => onOptionalChange(e.target.checked ? [...optionalScopes, id] : optionalScopes.filter((s) => s !== id))}
                      />
                      Optional
                    </label>
                    <button type="button" className="btn btn-small" aria-label={`Remove scope ${id}`} onClick={() => toggle(id, false)}>
                      Remove
                    </button>
                    {error ? <p className="field-error oc-scope-chip-error">{error}</p> : null}
                  </li>
                );
              }}
            </form.Field>
          ))}
        </ul>
        <p className="field-hint">Optional scopes are ones users may decline on the consent screen.</p>
        {listError ? <p className="field-error">{listError}</p> : null}
      </section>

      <div className="field oc-scopes-search">
        <label htmlFor={searchId}>Search scopes</label>
        <input id={searchId} className="input" type="search" placeholder="Name, id or category, e.g. dns" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {pluralize(visibleGroups.reduce((n, [, list]) => n + list.length, 0) + identityVisible.length, 'scope')} shown
      </p>

      <div className="oc-scope-groups">
        {identityVisible.length + managedVisible.length > 0 ? (
          <fieldset className="oc-scope-group">
            <legend>Identity</legend>
            {managedVisible.map((id) => (
              <div key={id} className="oc-scope-option oc-scope-managed">
                <input type="checkbox" id={`${searchId}-${id}`} checked={managed[id]} disabled readOnly />
                <label htmlFor={`${searchId}-${id}`}>
                  <span className="mono">{id}</span>
                  <span className="muted">
                    {' '}
                    — managed automatically: {id === 'openid' ? 'present when response types include id_token' : 'present when refresh tokens are allowed'}
                  </span>
                </label>
              </div>
            ))}
            {identityVisible.map((s) => (
              <ScopeOption key={s.id} id={s.id} name={s.name} checked={scopes.includes(s.id)} onToggle={toggle} idPrefix={searchId} />
            ))}
          </fieldset>
        ) : null}
        {visibleGroups.map(([category, list]) => {
          const chosen = list.filter((s) => scopes.includes(s.id)).length;
          return (
            <fieldset key={category} className="oc-scope-group">
              <legend>
                {category}{' '}
                <span className="muted">
                  ({chosen} of {list.length} selected)
                </span>
              </legend>
              {list.map((s) => (
                <ScopeOption key={s.id} id={s.id} name={s.name} checked={scopes.includes(s.id)} onToggle={toggle} idPrefix={searchId} />
              ))}
            </fieldset>
          );
        })}
        {visibleGroups.length === 0 && identityVisible.length === 0 && managedVisible.length === 0 ? <p className="muted">No scope matches “{query}”.</p> : null}
      </div>
    </div>
  );
}

function ScopeOption(props: { id: string; name: string; checked: boolean; idPrefix: string; onToggle: (id: string, on: boolean) => void }) {
  const inputId = `${props.idPrefix}-${props.id}`;
  return (
    <div className="oc-scope-option">
      <input id={inputId} type="checkbox" checked={props.checked} onChange={(e) => props.onToggle(props.id, e.target.checked)} />
      <label htmlFor={inputId}>
        {props.name} <span className="mono muted">{props.id}</span>
      </label>
    </div>
  );
}
