'use client';

import {
  closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ActionState } from '@/lib/http/authed-action';
import type { DepartmentOption } from '@/lib/org/queries';
import { DepartmentEditor } from './department-editor';

type Action = (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;

interface DepartmentTreeProps {
  departments: DepartmentOption[];
  actions: { rename: Action; move: Action; remove: Action };
}

/**
 * The editable tree. Drag a row (mouse, touch, or keyboard: Space, arrows, Space) onto another
 * to take that row's place among its siblings, under its parent; the server checks for cycles.
 */
export function DepartmentTree({ departments, actions }: DepartmentTreeProps) {
  const t = useTranslations('admin');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const nameOf = (id: string | number) => departments.find((d) => d.id === id)?.name ?? '';

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const target = departments.find((d) => d.id === over.id);
    if (!target) return;
    const form = new FormData();
    form.set('departmentId', String(active.id));
    form.set('parentId', target.parentId ?? '');
    form.set('position', String(target.index));
    startTransition(async () => {
      const result = await actions.move(null, form);
      setError(result && !result.ok ? [result.message, ...Object.values(result.fieldErrors).flat()].join(' ') : null);
    });
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('dragInstructions') },
        announcements: {
          onDragStart: ({ active }) => t('dragStart', { name: nameOf(active.id) }),
          onDragOver: ({ active, over }) => (over && over.id !== active.id ? t('dragOver', { name: nameOf(active.id), target: nameOf(over.id) }) : undefined),
          onDragEnd: ({ active, over }) => (over ? t('dragEnd', { name: nameOf(active.id), target: nameOf(over.id) }) : undefined),
          onDragCancel: ({ active }) => t('dragCancel', { name: nameOf(active.id) }),
        },
      }}
    >
      {error && (
        <p role="status" data-testid="action-error" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <SortableContext items={departments.map((d) => d.id)} strategy={verticalListSortingStrategy}>
        <ul data-testid="department-tree" aria-busy={pending || undefined}>
          {departments.map((department) => (
            <DepartmentEditor key={department.id} department={department} all={departments} actions={actions} />
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}
