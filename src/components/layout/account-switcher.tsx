import { useId } from 'react';
import type { Account } from '../../api/schemas/accounts';

interface AccountSwitcherProps {
  accounts: Account[];
  accountId: string;
  /** In live mode with CLOUDFLARE_ACCOUNT_ID the account is pinned by the server. */
  pinned: boolean;
  onChange: (accountId: string) => void;
}

export function AccountSwitcher({ accounts, accountId, pinned, onChange }: AccountSwitcherProps) {
  const id = useId();
  return (
    <div className="account-switcher">
      <label htmlFor={id}>Account</label>
      <select id={id} className="input input-small" value={accountId} disabled={pinned} onChange={(e) => onChange(e.target.value)}>
        {accounts.some((a) => a.id === accountId) ? null : (
          // The URL names an account the list does not hold: show that, not another account's name.
          <option value={accountId} disabled>
            Account {accountId.slice(0, 8)}…
          </option>
        )}
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
