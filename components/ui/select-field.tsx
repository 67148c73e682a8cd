import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FormField } from './form-field';

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  errors?: string[];
  children: ReactNode;
}

/** A labelled native select (best on phones) with its validation messages underneath. */
export function SelectField({ name, label, errors, id, className, children, ...props }: SelectFieldProps) {
  return (
    <FormField label={label} errors={errors} id={id} className={className}>
      {(control) => (
        <select name={name} {...control} {...props}>
          {children}
        </select>
      )}
    </FormField>
  );
}
