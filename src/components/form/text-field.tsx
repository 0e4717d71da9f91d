import { useStore } from '@tanstack/react-form';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { Field } from '@/components/ui/field';
import { fieldErrorText } from './api-errors';
import { useFieldContext } from './form-contexts';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'> {
  label: string;
  hint?: ReactNode;
  /** A message to show when the field itself has none (e.g. the form's banner text, inline). */
  fallbackError?: string;
  ref?: Ref<HTMLInputElement>;
  /** Puts the input in a wrapper (e.g. beside its button), inside the label's field. */
  wrap?: (input: ReactNode) => ReactNode;
}

/**
 * A text input bound to a TanStack Form field, in the app's labelled `Field`: the field's error
 * (its own check's or the API's) shows beside it, with `aria-invalid` and `aria-describedby`.
 */
export function TextField({ label, hint, fallbackError, wrap, onBlur, ...input }: TextFieldProps) {
  const field = useFieldContext<string>();
  const value = useStore(field.store, (s) => s.value);
  const error = fieldErrorText(useStore(field.store, (s) => s.meta)) ?? fallbackError;
  return (
    <Field label={label} hint={hint} error={error}>
      {(a) => {
        const control = (
          <input
            {...a}
            {...input}
            name={field.name}
            value={value}
            onChange={(e) => field.handleChange(e.target.value)}
            onBlur={(e) => {
              field.handleBlur();
              onBlur?.(e);
            }}
          />
        );
        return wrap ? wrap(control) : control;
      }}
    </Field>
  );
}
