import type { BodyProblem } from '../../../../lib/policy-draft';
import type { NamedId } from '../../../../lib/policy-lint';

function ProblemList({ problems }: { problems: BodyProblem[] }) {
  return (
    <ul>
      {problems.slice(0, 8).map((p, i) => (
        <li key={i}>
          {p.pointer ? <span className="mono">{p.pointer}</span> : null} {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Under the JSON editor: what is wrong (and where), or that it is valid, and what each known id is. */
export function JsonLintStatus({ problems, unknownIds, names }: { problems: BodyProblem[]; unknownIds: BodyProblem[]; names: NamedId[] }) {
  return (
    <>
      {problems.length ? (
        <div className="field-error">
          Not applied yet — the cards still show the last valid version:
          <ProblemList problems={problems} />
        </div>
      ) : unknownIds.length ? (
        <div className="field-error">
          Applied to the cards, but it cannot be saved — the API refuses ids it does not know:
          <ProblemList problems={unknownIds} />
        </div>
      ) : (
        <p className="field-hint">Valid. Edits here update the cards; ids keep existing policies, a policy without an id is new.</p>
      )}
      {names.length ? (
        <details className="json-known-ids" open>
          <summary>What the ids in this body are ({names.length})</summary>
          <ul aria-label="Ids in this body">
            {names.map((n) => (
              <li key={n.pointer}>
                <span className="mono">{n.id}</span> — {n.kind} {n.name}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
