import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { sandboxDnsRecordsQuery } from '@/api/dns';
import { applyApiErrorsBy, asWritten, ownsFields, unplacedApiError } from '@/components/form/api-errors';
import { useFocusFirstInvalid } from '@/components/form/focus-first-invalid';
import { onFormSubmit } from '@/components/form/submit-form';
import { useAppForm } from '@/components/form/use-app-form';
import { useDeleteSandboxDnsRecord, usePublishSandboxTxt } from '../api';

const FIELDS = ['name', 'content'] as const;
const ownsField = ownsFields(FIELDS);

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
  const [warning, setWarning] = useState<string | null>(null);
  const { rootRef, request: focusFirstInvalid } = useFocusFirstInvalid();
  const form = useAppForm({
    defaultValues: { name: '', content: '' },
    onSubmit: async ({ value, formApi }) => {
      if (publish.isPending) return;
      setWarning(null);
      try {
        const res = await publish.mutateAsync({ name: value.name.trim(), content: value.content });
        setWarning(res.warning ?? null);
        formApi.setFieldValue('content', '');
      } catch (error) {
        // The sandbox's messages name their field ("name: …"): shown as it wrote them.
        applyApiErrorsBy(formApi, error, (pointer) => (ownsField(pointer) ? pointer.slice(1) : null), asWritten);
        focusFirstInvalid();
      }
    },
  });
  const unplaced = unplacedApiError(publish.error, ownsField);
  const otherErrors = isApiError(unplaced) ? unplaced.errors : [];

  // Records at the domain, below it, and at the doubled name: what matters for this connector.
  const relevant = (records.data ?? []).filter((r) => r.name === domain || r.name.endsWith(`.${domain}`));
  const others = (records.data?.length ?? 0) - relevant.length;

  return (
    <aside className="card sandbox-dns-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Sandbox DNS provider</h2>
      <p className="muted">Sandbox mode has no real DNS. Publish the record here, as you would at your DNS provider; the pre-check and Cloudflare’s verification read this zone.</p>
      <form ref={rootRef} onSubmit={onFormSubmit(form)} noValidate>
        <form.AppField name="name">
          {(field) => <field.TextField label="Record name" hint={`The full name, e.g. ${domain}`} className="input" spellCheck={false} autoComplete="off" />}
        </form.AppField>
        <p className="sandbox-dns-type">
          Type: <span className="mono">TXT</span>
        </p>
        <form.AppField name="content">{(field) => <field.TextField label="TXT value" className="input mono" spellCheck={false} autoComplete="off" />}</form.AppField>
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
      {remove.error ? (
        <p className="field-error" role="alert">
          {remove.error.message}
        </p>
      ) : null}
      {others > 0 ? <p className="muted">{others} other records in the sandbox zone are not shown.</p> : null}
    </aside>
  );
}
