'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import type { ActionState } from '@/lib/http/authed-action';
import type { DepartmentOption } from '@/lib/org/queries';
import { DepartmentOptions } from '@/components/org/department-options';

type Action = (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;

interface DepartmentEditorProps {
  department: DepartmentOption;
  /** Every department, for the "move under" picker. */
  all: DepartmentOption[];
  actions: { rename: Action; move: Action; remove: Action };
}

const input = 'min-h-9 rounded-md border border-slate-300 bg-white px-2 text-sm';
const small = 'min-h-9 rounded-md px-3 text-sm font-medium text-brand-700 hover:bg-brand-50';

/** One department of the tree: rename, reorder among siblings, move under another, delete. */
export function DepartmentEditor({ department, all, actions }: DepartmentEditorProps) {
  const t = useTranslations('admin');
  const [renameState, rename] = useActionState(actions.rename, null);
  const [moveState, move] = useActionState(actions.move, null);
  const error = [renameState, moveState].find((s) => s && !s.ok);
  const parentValue = department.parentId ?? '';
  const { setNodeRef, transform, transition, isDragging, attributes, listeners } = useSortable({ id: department.id });
  return (
    <li
      ref={setNodeRef}
      className={`border-b border-slate-100 bg-white py-2 last:border-0 ${isDragging ? 'relative z-10 shadow-lg' : ''}`}
      style={{
        paddingInlineStart: `${department.depth * 1.5}rem`,
        transform: CSS.Transform.toString(transform),
        transition,
      }}
      data-testid="department-row"
    >
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="inline-flex size-9 cursor-grab touch-none items-center justify-center rounded-md text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          aria-label={t('dragHandle', { name: department.name })}
          {...attributes}
          {...listeners}
        >
          <GripVertical className="size-4" aria-hidden="true" />
        </button>
        <form action={rename} className="flex items-center gap-1" key={`r-${department.name}`}>
          <input type="hidden" name="departmentId" value={department.id} />
          <label className="sr-only" htmlFor={`name-${department.id}`}>{t('nameOf', { name: department.name })}</label>
          <input id={`name-${department.id}`} name="name" defaultValue={department.name} maxLength={60} className={`${input} w-36`} />
          <button type="submit" className={small}>{t('rename')}</button>
        </form>
        <ActionButton
          action={actions.move}
          fields={{ departmentId: department.id, parentId: parentValue, position: String(Math.max(0, department.index - 1)) }}
          label="↑"
          ariaLabel={t('moveUp', { name: department.name })}
        />
        <ActionButton
          action={actions.move}
          fields={{ departmentId: department.id, parentId: parentValue, position: String(department.index + 1) }}
          label="↓"
          ariaLabel={t('moveDown', { name: department.name })}
        />
        <form action={move} className="flex items-center gap-1" key={`m-${parentValue}`}>
          <input type="hidden" name="departmentId" value={department.id} />
          <input type="hidden" name="position" value="9999" />
          <label className="sr-only" htmlFor={`parent-${department.id}`}>{t('moveUnder', { name: department.name })}</label>
          <select id={`parent-${department.id}`} name="parentId" defaultValue={parentValue} className={`${input} max-w-40`}>
            <option value="">{t('topLevel')}</option>
            <DepartmentOptions departments={all} exclude={department.id} />
          </select>
          <button type="submit" className={small}>{t('move')}</button>
        </form>
        <ActionButton action={actions.remove} fields={{ departmentId: department.id }} label={t('delete')} ariaLabel={t('deleteNamed', { name: department.name })} tone="danger" />
      </div>
      {error && !error.ok && (
        <p role="status" data-testid="action-error" className="mt-1 text-xs text-red-700">
          {[error.message, ...Object.values(error.fieldErrors).flat()].join(' ')}
        </p>
      )}
    </li>
  );
}
