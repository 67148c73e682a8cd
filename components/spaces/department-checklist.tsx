import type { DepartmentOption } from '@/lib/org/queries';

interface DepartmentChecklistProps {
  name: string;
  legend: string;
  departments: DepartmentOption[];
  defaultSelected?: string[];
  errors?: string[];
}

/** The department tree as checkboxes, children indented under their parent. */
export function DepartmentChecklist({ name, legend, departments, defaultSelected = [], errors }: DepartmentChecklistProps) {
  const invalid = Boolean(errors?.length);
  return (
    <fieldset aria-invalid={invalid || undefined}>
      <legend className="mb-1 block text-sm font-medium text-slate-700">{legend}</legend>
      <div className={`max-h-64 overflow-y-auto rounded-md border bg-white p-2 ${invalid ? 'border-red-500' : 'border-slate-300'}`}>
        {departments.map((d) => (
          <label key={d.id} className="flex min-h-9 cursor-pointer items-center gap-2 rounded px-2 text-sm text-slate-800 hover:bg-slate-50" style={{ paddingLeft: `${0.5 + d.depth * 1.25}rem` }}>
            <input type="checkbox" name={name} value={d.id} defaultChecked={defaultSelected.includes(d.id)} className="size-4 accent-brand-600" />
            {d.name}
          </label>
        ))}
      </div>
      {invalid && <p className="mt-1 text-sm text-red-700">{errors!.join(' ')}</p>}
    </fieldset>
  );
}
