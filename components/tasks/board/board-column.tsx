'use client';

import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { BoardColumn as Column } from '@/lib/tasks/board';
import { BoardCard } from './board-card';

interface BoardColumnProps {
  column: Column;
  taskPath: string;
  today: string;
  movable: boolean;
}

/** A status column: its WIP count, and its cards as one sortable list that also accepts drops when empty. */
export function BoardColumn({ column, taskPath, today, movable }: BoardColumnProps) {
  const t = useTranslations('tasks');
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const hidden = column.total - column.cards.length;
  return (
    <section
      aria-labelledby={`column-${column.status}`}
      className={`flex w-72 shrink-0 flex-col rounded-lg bg-slate-100 sm:w-auto sm:min-w-0 sm:flex-1 ${isOver ? 'ring-2 ring-brand-300' : ''}`}
      data-testid={`board-column-${column.status}`}
    >
      <h3 id={`column-${column.status}`} className="flex items-center justify-between px-3 pt-3 pb-2 text-sm font-semibold text-slate-800">
        {t(`statuses.${column.status}`)}
        <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600" data-testid="wip-count" aria-label={t('wipCount', { count: column.total })}>{column.total}</span>
      </h3>
      <SortableContext id={column.status} items={column.cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="flex min-h-24 flex-1 flex-col gap-2 px-2 pb-2">
          {column.cards.map((card) => (
            <BoardCard key={card.id} card={card} href={`${taskPath}/${card.id}`} overdue={card.status !== 'done' && card.dueDate < today} movable={movable} />
          ))}
        </ul>
      </SortableContext>
      {hidden > 0 && (
        <Link href={`${taskPath}?status=${column.status}`} className="px-3 pb-3 text-xs text-brand-700 hover:underline">{t('boardMore', { count: hidden })}</Link>
      )}
    </section>
  );
}
