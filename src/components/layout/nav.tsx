import { Link } from '@tanstack/react-router';

const items = [
  { to: '/groups', label: 'User groups' },
  { to: '/permission-groups', label: 'Permission groups' },
  { to: '/resource-groups', label: 'Resource groups' },
  { to: '/sso', label: 'SSO' },
  { to: '/oauth-clients', label: 'OAuth clients' },
] as const;

export function Nav() {
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {items.map((item) => (
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
