import { Link } from '@tanstack/react-router';

/** The sections, in the sidebar's order; each is a list an account switch can land on. */
export const NAV_ITEMS = [
  { to: '/groups', label: 'User groups' },
  { to: '/permission-groups', label: 'Permission groups' },
  { to: '/resource-groups', label: 'Resource groups' },
  { to: '/sso', label: 'SSO' },
  { to: '/oauth-clients', label: 'OAuth clients' },
  { to: '/history', label: 'History' },
] as const;

export function Nav() {
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="nav-link" activeProps={{ className: 'nav-link active', 'aria-current': 'page' }}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
