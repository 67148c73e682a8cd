import type { DepartmentOption } from '@/lib/org/queries';

/** `<option>`s for the department tree, children indented under their parent. */
export function DepartmentOptions({ departments, exclude }: { departments: DepartmentOption[]; exclude?: string }) {
  return departments
    .filter((d) => d.id !== exclude)
    .map((d) => (
      <option key={d.id} value={d.id}>
        {'\u3000'.repeat(d.depth)}
        {d.name}
      </option>
    ));
}
