import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Field } from '@/components/ui/field';
import { useDeleteSandboxDnsRecord, usePublishSandboxTxt } from '../api';
import { ApiError } from '@/api/api-error';
import { fieldError, sandboxDnsRecordsQuery } from '@/api/dns';

/**
 * Sandbox mode only: the stand-in for the admin's DNS provider. The admin publishes the record here
 * the way they would at their provider (typing or pasting name and value), so the pre-check and
 * verification behave as they will for real, mistakes included.
 */
export function SandboxDnsPanel({ domain }: { domain: string }) {
  const headingId = useId();
  const records = useQuery(sandboxDnsRecordsQuery);
  const publish = usePublishSandboxTxt();
  const remove = useDeleteSandboxDnsRecord();
  const [name, setName] = useState('');
  const [content, setContent] = useState('');
  const [warning, setWarning] = useState<string | null>(null);

  const publishError = publish.error instanceof ApiError ? publish.error : null;
  const nameError = fieldError(publishError, 'name');
  const contentError = fieldError(publishError, 'content');
  const otherErrors = publishError?.errors.filter((e) => e.pointer !== '/name' && e.pointer !== '/content') ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (publish.isPending) return;
    setWarning(null);
    publish.mutate(
      { name: name.trim(), content },
      {
        onSuccess: (res) => {
          setWarning(res.warning ?? null);
          setContent('');
        },
      },
    );
  };

  // Records at the domain, below it, and at the doubled name: what matters for this connector.
  const relevant = (records.data ?? []).filter((r) => r.name === domain || r.name.endsWith(`.${domain}`));
  const others = (records.data?.length ?? 0) - relevant.length;

  return (
    <aside className="card sandbox-dns-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Sandbox DNS provider</h2>
      <p className="muted">
        Sandbox mode has no real DNS. Publish the record here, as you would at your DNS provider; the pre-check and
        Cloudflare’s verification read this zone.
      </p>
      <form onSubmit={submit} noValidate>
        <Field label="Record name" hint={`The full name, e.g. ${domain}`} error={nameError}>
          {(props) => (
            <input
              {...props}
              className="input"
              value={name}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <p className="sandbox-dns-type">
          Type: <span className="mono">TXT</span>
        </p>
        <Field label="TXT value" error={contentError}>
          {(props) => (
            <input
              {...props}
              className="input mono"
              value={content}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setContent(e.target.value)}
            />
          )}
        </Field>
        {otherErrors.length ? (
          <div className="banner banner-error" role="alert">
            {otherErrors.map((e) => e.message).join(' ')}
          </div>
        ) : null}
        <button type="submit" className="btn" disabled={publish.isPending} aria-busy={publish.isPending}>
          {publish.isPending ? 'Publishing…' : 'Publish TXT record'}
        </button>
      </form>
      {warning ? (
        <div className="banner banner-warning sso-callout" role="alert">
          {warning}
        </div>
      ) : null}
      <h3 className="sandbox-dns-subtitle">Records for {domain}</h3>
      {records.error ? <p className="field-error">Could not load the sandbox zone: {records.error.message}</p> : null}
      {relevant.length === 0 ? (
        <p className="muted">{records.isPending ? 'Loading…' : 'None yet.'}</p>
      ) : (
        <ul className="sandbox-dns-records" aria-label={`Sandbox TXT records for ${domain}`}>
          {relevant.map((r) => (
            <li key={r.id}>
              <span className="mono sandbox-dns-name">{r.name}</span>
              <span className="mono sandbox-dns-content">{r.content}</span>
              <button
                type="button"
                className="btn btn-small"
                disabled={remove.isPending}
                aria-label={`Delete TXT record ${r.content} at ${r.name}`}
                onClick={() => remove.mutate(r.id)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {remove.error ? <p className="field-error" role="alert">{remove.error.message}</p> : null}
      {others > 0 ? <p className="muted">{others} other records in the sandbox zone are not shown.</p> : null}
    </aside>
  );
}
