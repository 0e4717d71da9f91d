import { Select as RadixSelectPrimitive } from 'radix-ui';

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
  /** Open as it mounts: ./select.tsx mounts it on first use. */
  defaultOpen?: boolean;
}

/**
 * A styled single choice (Radix Select): a combobox trigger labelled by the caller's <label>, a
 * listbox with type-ahead and arrow keys, and the same look in light and dark themes, where a
 * native <select> draws its own unstyled popup.
 */
export function RadixSelect({ id, value, options, onChange, disabled, size = 'small', defaultOpen }: SelectProps) {
  return (
    <RadixSelectPrimitive.Root value={value} onValueChange={onChange} disabled={disabled} defaultOpen={defaultOpen}>
      <RadixSelectPrimitive.Trigger id={id} className={`input${size === 'small' ? ' input-small' : ''} select-trigger`}>
        <RadixSelectPrimitive.Value />
        {/* The arrow is drawn by CSS, so the trigger's text is the chosen value alone. */}
        <RadixSelectPrimitive.Icon className="select-icon" aria-hidden="true">
          <span className="select-arrow" />
        </RadixSelectPrimitive.Icon>
      </RadixSelectPrimitive.Trigger>
      <RadixSelectPrimitive.Portal>
        <RadixSelectPrimitive.Content className="select-content" position="popper" sideOffset={4}>
          <RadixSelectPrimitive.Viewport>
            {options.map((o) => (
              <RadixSelectPrimitive.Item key={o.value} value={o.value} disabled={o.disabled} className="select-item">
                <RadixSelectPrimitive.ItemText>{o.label}</RadixSelectPrimitive.ItemText>
                <RadixSelectPrimitive.ItemIndicator className="select-check" aria-hidden="true">
                  ✓
                </RadixSelectPrimitive.ItemIndicator>
              </RadixSelectPrimitive.Item>
            ))}
          </RadixSelectPrimitive.Viewport>
        </RadixSelectPrimitive.Content>
      </RadixSelectPrimitive.Portal>
    </RadixSelectPrimitive.Root>
  );
}
