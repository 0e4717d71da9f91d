import { Link } from '@tanstack/react-router';
import { onDemand } from '../ui/on-demand';

// The count asks the server to compute the account's findings: once the page has painted and the
// browser is idle, not beside the page's own first requests.
const findingsCount = onDemand(() => import('./findings-count'));

/** The sections, in the sidebar's order; each is a list an account switch can land on. */
export const NAV_ITEMS = [
  { section: 'groups', to: '/accounts/$accountId/groups', label: 'User groups' },
  { section: 'members', to: '/accounts/$accountId/members', label: 'Members' },
  { section: 'permission-groups', to: '/accounts/$accountId/permission-groups', label: 'Permission groups' },
  { section: 'resource-groups', to: '/accounts/$accountId/resource-groups', label: 'Resource groups' },
  { section: 'sso', to: '/accounts/$accountId/sso', label: 'SSO' },
  { section: 'oauth-clients', to: '/accounts/$accountId/oauth-clients', label: 'OAuth clients' },
  { section: 'expiring', to: '/accounts/$accountId/expiring', label: 'Expiring access' },
  { section: 'reviews', to: '/accounts/$accountId/reviews', label: 'Access reviews' },
  { section: 'history', to: '/accounts/$accountId/history', label: 'History' },
  { section: 'terraform', to: '/accounts/$accountId/terraform', label: 'Terraform' },
] as const;

export type NavItem = (typeof NAV_ITEMS)[number];

/** The section a path is in (/accounts/<id>/<section>/…), falling back to the first one. */
export function sectionOf(pathname: string): NavItem {
  const section = pathname.split('/')[3];
  return NAV_ITEMS.find((item) => item.section === section) ?? NAV_ITEMS[0];
}

/** "Findings 7": the account's home, with how many findings are open (none shown while unknown). */
function FindingsLink({ accountId }: { accountId: string }) {
  const loaded = findingsCount.useLoaded('idle');
  return (
    <Link
      to="/accounts/$accountId"
      params={{ accountId }}
      activeOptions={{ exact: true }}
      className="nav-link"
      activeProps={{ className: 'nav-link active', 'aria-current': 'page' }}
    >
      Findings{loaded ? <loaded.FindingsCount accountId={accountId} /> : null}
    </Link>
  );
}

export function Nav({ accountId }: { accountId: string }) {
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        <li>
          <FindingsLink accountId={accountId} />
        </li>
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              params={{ accountId }}
              className="nav-link"
              activeProps={{ className: 'nav-link active', 'aria-current': 'page' }}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
