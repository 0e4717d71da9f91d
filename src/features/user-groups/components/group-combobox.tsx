import { useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { userGroupsQuery } from '@/api/user-groups/queries';
import type { UserGroup } from '@/api/user-groups/schema';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { pluralize } from '@/lib/format';
import { useAccountId } from '@/stores/current-account';

interface GroupComboboxProps {
  label: string;
  value: UserGroup | null;
  onChange: (group: UserGroup | null) => void;
  /** The list is open: a dialog around it should let Escape close the list, not itself. */
  onExpandedChange?: (expanded: boolean) => void;
  hint?: string;
  error?: string;
}

/**
 * Pick one user group by typing part of its name (ARIA 1.2 combobox with a listbox popup). The
 * search runs on the server (fuzzyName), so it works the same with 10 groups or 10,000.
 */
export function GroupCombobox({ label, value, onChange, onExpandedChange, hint, error }: GroupComboboxProps) {
  const accountId = useAccountId();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? '');
  const [expanded, setExpandedState] = useState(false);
  const [active, setActive] = useState(0);

  const setExpanded = (next: boolean) => {
    setExpandedState(next);
    onExpandedChange?.(next);
  };

  const term = useDebouncedValue(text.trim(), 200);

  const { data, isFetching } = useQuery({
    ...userGroupsQuery(accountId, { fuzzyName: term || undefined, per_page: 20, page: 1 }),
    enabled: expanded,
  });
  const options = data?.result ?? [];
  const total = data?.resultInfo?.total_count ?? options.length;

  const choose = (group: UserGroup) => {
    onChange(group);
    setText(group.name);
    setExpanded(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!expanded) setExpanded(true);
      else setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault(); // never submit the surrounding form while choosing
      const group = options[active];
      if (group) choose(group);
    } else if (e.key === 'Escape' && expanded) {
      setExpanded(false);
    }
  };

  const activeId = expanded && options[active] ? `${id}-opt-${active}` : undefined;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field ug-combobox${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="ug-combobox-control">
        <input
          id={id}
          className="input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder="Type part of a group name"
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            if (value) onChange(null);
            setExpanded(true);
          }}
          onFocus={() => setExpanded(true)}
          onBlur={() => setExpanded(false)}
          onKeyDown={onKeyDown}
        />
        {value ? (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              onChange(null);
              setText('');
            }}
          >
            Clear<span className="visually-hidden"> source group</span>
          </button>
        ) : null}
      </div>
      <ul id={listId} role="listbox" aria-label={`${label}: matches`} aria-busy={isFetching} className="ug-combobox-list" hidden={!expanded}>
        {options.map((group, i) => (
          <li
            key={group.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={`ug-combobox-option${i === active ? ' ug-active' : ''}`}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(group);
            }}
            onMouseMove={() => setActive(i)}
          >
            <span className="ug-cell-ellipsis">{group.name}</span>
            <span className="muted">{pluralize(group.policies?.length ?? 0, 'policy', 'policies')}</span>
          </li>
        ))}
        {expanded && !isFetching && options.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="ug-combobox-empty">
            No group matches “{term}”
          </li>
        ) : null}
        {total > options.length ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="ug-combobox-empty">
            {total - options.length} more: type more of the name
          </li>
        ) : null}
      </ul>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
