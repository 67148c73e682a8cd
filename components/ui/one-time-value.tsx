'use client';

/** A secret or link shown once after it is created, selected on focus for copying. */
export function OneTimeValue({ message, label, value, testId }: { message: string; label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md border border-green-200 bg-green-50 p-3" data-testid={testId}>
      <p className="text-sm font-medium text-green-900">{message}</p>
      <input
        readOnly
        aria-label={label}
        value={value}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-2 block w-full rounded border border-green-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900"
      />
    </div>
  );
}
