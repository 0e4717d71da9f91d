import type { BodyProblem } from '@/lib/policy-draft';
import type { NamedId } from '@/lib/policy-lint';

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
export function JsonLintStatus({
  problems,
  unknownIds,
  names,
  refusals = [],
}: {
  problems: BodyProblem[];
  unknownIds: BodyProblem[];
  names: NamedId[];
  /** Pairings the API refuses with 1006, in words. */
  refusals?: BodyProblem[];
}) {
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
      ) : refusals.length ? null : (
        <p className="field-hint">Valid. Edits here update the cards; ids keep existing policies, a policy without an id is new.</p>
      )}
      {!problems.length && refusals.length ? (
        <div className="field-error json-refusals">
          Applied to the cards, but saving would fail — these pairings draw code 1006:
          <ProblemList problems={refusals} />
        </div>
      ) : null}
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
