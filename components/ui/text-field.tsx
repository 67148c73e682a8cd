import type { InputHTMLAttributes } from 'react';
import { FormField } from './form-field';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  errors?: string[];
}

/** A labelled input with its validation messages underneath. */
export function TextField({ name, label, errors, id, className, ...props }: TextFieldProps) {
  return (
    <FormField label={label} errors={errors} id={id} className={className}>
      {(control) => <input name={name} {...control} {...props} />}
    </FormField>
  );
}
