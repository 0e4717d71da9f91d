import { useId, useState } from 'react';
import { formatRequestBody, parseRequestBody, type BodyProblem, type DraftPolicy } from '../../../../lib/policy-draft';

interface JsonViewProps {
  policies: DraftPolicy[];
  requestLine: string;
  onApply: (policies: DraftPolicy[]) => void;
}

/**
 * The exact request body, editable: valid JSON updates the cards as you type; invalid JSON is
 * kept as typed, with what is wrong and where (JSON pointer), until it parses again. A change
 * made in the cards replaces the text.
 */
export function JsonView({ policies, requestLine, onApply }: JsonViewProps) {
  const id = useId();
  const formatted = formatRequestBody(policies);
  const [text, setText] = useState(formatted);
  const [seen, setSeen] = useState(formatted);
  /** The body our own last edit produced: its echo must not overwrite what is being typed. */
  const [echo, setEcho] = useState<string | null>(null);
  const [problems, setProblems] = useState<BodyProblem[]>([]);

  if (formatted !== seen) {
    setSeen(formatted);
    if (formatted !== echo) {
      setText(formatted);
      setProblems([]);
    }
    setEcho(null);
  }

  const change = (next: string) => {
    setText(next);
    const parsed = parseRequestBody(next, policies);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    const body = formatRequestBody(parsed.policies);
    if (body !== formatted) {
      setEcho(body);
      onApply(parsed.policies);
    }
  };

  return (
    <div className="json-view">
      <p className="mono json-request-line">{requestLine}</p>
      <div className={`field${problems.length ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-body`}>Request body (JSON)</label>
        <textarea
          id={`${id}-body`}
          className="input json-editor"
          value={text}
          spellCheck={false}
          rows={Math.min(30, Math.max(10, text.split('\n').length + 1))}
          aria-invalid={problems.length > 0}
          aria-describedby={`${id}-status`}
          onChange={(e) => change(e.target.value)}
        />
        <div id={`${id}-status`} aria-live="polite">
          {problems.length ? (
            <div className="field-error">
              Not applied yet — the cards still show the last valid version:
              <ul>
                {problems.slice(0, 8).map((p, i) => (
                  <li key={i}>
                    {p.pointer ? <span className="mono">{p.pointer}</span> : null} {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="field-hint">Valid. Edits here update the cards; ids keep existing policies, a policy without an id is new.</p>
          )}
        </div>
      </div>
    </div>
  );
}
