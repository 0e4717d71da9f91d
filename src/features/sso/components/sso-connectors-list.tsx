import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeader } from '../../../components/layout/page-header';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { useAccountId } from '../../../stores/current-account';
import { ssoConnectorsQuery } from '../../../api/queries/sso';

export function SsoConnectorsList() {
  const accountId = useAccountId();
  const { data: connectors } = useSuspenseQuery(ssoConnectorsQuery(accountId));
  return (
    <div className="page">
      <PageHeader title="SSO" description="Email domains whose members sign in to the dashboard through your identity provider." />
      {connectors.length === 0 ? (
        <EmptyState title="No SSO domains yet">Connect an email domain you control to require SSO for its users.</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Email domain</th>
              <th scope="col">Verification</th>
              <th scope="col">SSO</th>
            </tr>
          </thead>
          <tbody>
            {connectors.map((c) => (
              <tr key={c.id}>
                <td>{c.email_domain}</td>
                <td>
                  <Badge tone={c.verification?.status === 'verified' ? 'success' : c.verification?.status === 'failed' ? 'danger' : 'warning'}>
                    {c.verification?.status ?? 'unknown'}
                  </Badge>
                </td>
                <td>{c.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
