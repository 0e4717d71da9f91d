import { useId } from 'react';
import type { Account } from '@/api/accounts/schema';
import { Select } from '../ui/select';

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
      <Select
        id={id}
        value={accountId}
        disabled={pinned}
        options={[
          // The URL names an account the list does not hold: show that, not another account's name.
          ...(accounts.some((a) => a.id === accountId) ? [] : [{ value: accountId, label: `Account ${accountId.slice(0, 8)}…`, disabled: true }]),
          ...accounts.map((a) => ({ value: a.id, label: a.name })),
        ]}
        onChange={onChange}
      />
    </div>
  );
}
