import { useId, useState } from 'react';
import { formatRequestBody, type DraftPolicy } from '@/lib/policy-draft';
import { lintRequestBody, type KnownIds } from '@/lib/policy-lint';
import { JsonLintStatus } from './json-lint-status';

interface JsonViewProps {
  policies: DraftPolicy[];
  requestLine: string;
  known: KnownIds;
  onApply: (policies: DraftPolicy[]) => void;
  /** What was typed last time that did not parse (from the draft): shown again as typed. */
  unparsed: string | undefined;
  /** Keeps text that does not parse in the draft (null once it parses). */
  onUnparsed: (text: string | null) => void;
}

/**
 * The exact request body, editable: valid JSON updates the cards as you type; invalid JSON is
 * kept as typed — in the draft, so across a switch to the cards and a reload too — with what is
 * wrong and where (JSON pointer), until it parses again. A change made in the cards replaces it.
 */
export function JsonView({ policies, requestLine, known, onApply, unparsed, onUnparsed }: JsonViewProps) {
  const id = useId();
  const formatted = formatRequestBody(policies);
  const [text, setText] = useState(unparsed ?? formatted);
  const [seen, setSeen] = useState(formatted);
  /** The body our own last edit produced: its echo must not overwrite what is being typed. */
  const [echo, setEcho] = useState<string | null>(null);
  // Derived from the text on every render, so an unknown id stays marked whichever view made it.
  const lint = lintRequestBody(text, policies, known);
  const problems = lint.state === 'invalid' ? lint.problems : [];
  /** Parsed (and applied to the cards), but naming ids the account does not have. */
  const unknownIds = lint.state === 'unknown-ids' ? lint.problems : [];
  const names = lint.state === 'invalid' ? [] : lint.names;
  const refusals = lint.state === 'invalid' ? [] : lint.refusals;

  if (formatted !== seen) {
    setSeen(formatted);
    if (formatted !== echo) {
      setText(formatted);
    }
    setEcho(null);
  }

  const change = (next: string) => {
    setText(next);
    const parsed = lintRequestBody(next, policies, known);
    if (parsed.state === 'invalid') {
      onUnparsed(next);
      return;
    }
    onUnparsed(null);
    const body = formatRequestBody(parsed.policies);
    if (body !== formatted) {
      setEcho(body);
      onApply(parsed.policies);
    }
  };

  return (
    <div className="json-view">
      <p className="mono json-request-line">{requestLine}</p>
      <div className={`field${problems.length || unknownIds.length ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-body`}>Request body (JSON)</label>
        <textarea
          id={`${id}-body`}
          className="input json-editor"
          value={text}
          spellCheck={false}
          rows={Math.min(30, Math.max(10, text.split('\n').length + 1))}
          aria-invalid={problems.length > 0 || unknownIds.length > 0}
          aria-describedby={`${id}-status`}
          onChange={(e) => change(e.target.value)}
        />
        <div id={`${id}-status`} aria-live="polite">
          <JsonLintStatus problems={problems} unknownIds={unknownIds} names={names} refusals={refusals} />
        </div>
      </div>
    </div>
  );
}
