import { Select as RadixSelect } from 'radix-ui';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectProps {
  /** Ties the trigger to its visible <label htmlFor>. */
  id: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Compact (toolbars, the header) unless it sits among full-size fields, as in a filter bar. */
  size?: 'small' | 'normal';
  /** Open as it mounts: the shell mounts it on first use (components/layout/shell-select.tsx). */
  defaultOpen?: boolean;
}

/**
 * A styled single choice (Radix Select): a combobox trigger labelled by the caller's <label>, a
 * listbox with type-ahead and arrow keys, and the same look in light and dark themes, where a
 * native <select> draws its own unstyled popup.
 */
export function Select({ id, value, options, onChange, disabled, size = 'small', defaultOpen }: SelectProps) {
  return (
    <RadixSelect.Root value={value} onValueChange={onChange} disabled={disabled} defaultOpen={defaultOpen}>
      <RadixSelect.Trigger id={id} className={`input${size === 'small' ? ' input-small' : ''} select-trigger`}>
        <RadixSelect.Value />
        {/* The arrow is drawn by CSS, so the trigger's text is the chosen value alone. */}
        <RadixSelect.Icon className="select-icon" aria-hidden="true">
          <span className="select-arrow" />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content className="select-content" position="popper" sideOffset={4}>
          <RadixSelect.Viewport>
            {options.map((o) => (
              <RadixSelect.Item key={o.value} value={o.value} disabled={o.disabled} className="select-item">
                <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
                <RadixSelect.ItemIndicator className="select-check" aria-hidden="true">
                  ✓
                </RadixSelect.ItemIndicator>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
