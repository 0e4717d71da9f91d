import { pluralize } from '@/lib/format';
import { AccessEndField } from './access-end-field';
import type { AccessEndState } from './use-access-end';

/** The "Access ends" field of an add-people dialog, and what to say when people were added but their end was not saved. */
export function AccessEndControls({ state }: { state: AccessEndState }) {
  const added = state.notSaved?.grants.reduce((n, g) => n + g.people.length, 0) ?? 0;
  return (
    <>
      <AccessEndField
        value={state.value}
        onChange={state.setValue}
        reasonRequired={state.reasonRequired}
        endsError={state.errors.ends}
        reasonError={state.errors.reason}
        keptBy={state.keptBy}
      />
      {state.notSaved ? (
        <div className="banner banner-error" role="alert">
          <strong>Added {pluralize(added, 'member')}, but their access has no end yet</strong>
          <p>{state.notSaved.message}</p>
        </div>
      ) : null}
    </>
  );
}
