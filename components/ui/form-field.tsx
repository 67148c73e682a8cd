import { useId, type ReactNode } from 'react';

/** What a form control needs to be wired to its label and its error messages. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
}

interface FormFieldProps {
  label: string;
  errors?: string[];
  id?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A label, one control and its validation messages underneath, wired for screen readers. */
export function FormField({ label, errors, id, className = '', children }: FormFieldProps) {
  // Several forms on one page share field names, so ids must be unique per field instance.
  const generatedId = useId();
  const fieldId = id ?? generatedId;
  const errorId = `${fieldId}-error`;
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({
        id: fieldId,
        'aria-invalid': invalid || undefined,
        'aria-describedby': invalid ? errorId : undefined,
        className: `block min-h-11 w-full rounded-md border bg-white px-3 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 ${invalid ? 'border-red-500' : 'border-slate-300'}`,
      })}
      {invalid && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}
