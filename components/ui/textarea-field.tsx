import type { TextareaHTMLAttributes } from 'react';
import { FormField } from './form-field';

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  errors?: string[];
}

/** A labelled multi-line input with its validation messages underneath. */
export function TextareaField({ name, label, errors, id, className, rows = 3, ...props }: TextareaFieldProps) {
  return (
    <FormField label={label} errors={errors} id={id} className={className}>
      {(control) => <textarea name={name} rows={rows} {...control} className={`${control.className} py-2`} {...props} />}
    </FormField>
  );
}
