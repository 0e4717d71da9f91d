import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeader } from '../../../components/layout/page-header';
import { Badge } from '../../../components/ui/badge';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDate } from '../../../lib/format';
import { useAccountId } from '../../../stores/current-account';
import { oauthClientsQuery } from '../../../api/queries/oauth';

export function OAuthClientsList() {
  const accountId = useAccountId();
  const { data: clients } = useSuspenseQuery(oauthClientsQuery(accountId));
  return (
    <div className="page">
      <PageHeader title="OAuth clients" description="Applications that act on Cloudflare on behalf of your users." />
      {clients.length === 0 ? (
        <EmptyState title="No OAuth clients yet">Register an application to let it request access to this account.</EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Client ID</th>
              <th scope="col">Visibility</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.client_id}>
                <td>{c.client_name}</td>
                <td className="mono">{c.client_id}</td>
                <td>
                  <Badge tone={c.visibility === 'public' ? 'info' : 'neutral'}>{c.visibility}</Badge>
                </td>
                <td>{formatDate(c.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
