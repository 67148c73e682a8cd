'use client';

import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { memo, useCallback, useMemo, useRef } from 'react';
import type { BoardColumn as Column } from '@/lib/tasks/board';
import { BoardCard } from './board-card';

interface BoardColumnProps {
  column: Column;
  taskPath: string;
  today: string;
  movable: boolean;
  /** The card being dragged, kept rendered even when scrolled out of view (dnd-kit needs its node). */
  activeId: string | null;
}

/** A card of one line of text and its gap; taller cards are measured. */
const CARD_HEIGHT = 68;
const CARD_GAP = 8;
/** Cards rendered beyond each end of the view, so the keyboard and the pointer find a neighbour to move to. */
const OVERSCAN = 6;
/** The server renders the cards of a column this tall; the browser then fits the list to its own height. */
const FIRST_VIEW = { width: 0, height: 720 };

/**
 * A status column: its WIP count, and its cards as one sortable list that also accepts drops when
 * empty. The list scrolls within the column and renders only the cards in or near its view, so a
 * column of thousands of cards costs what one of twenty does; the sortable context still holds
 * every card, in order, as dnd-kit's vertical strategy supports for virtualised lists.
 */
export const BoardColumn = memo(function BoardColumn({ column, taskPath, today, movable, activeId }: BoardColumnProps) {
  const t = useTranslations('tasks');
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const scroller = useRef<HTMLDivElement>(null);
  const { cards } = column;
  const ids = useMemo(() => cards.map((c) => c.id), [cards]);
  const activeIndex = activeId ? ids.indexOf(activeId) : -1;
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT,
    gap: CARD_GAP,
    overscan: OVERSCAN,
    getItemKey: useCallback((index: number) => ids[index] ?? index, [ids]),
    rangeExtractor: useCallback((range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex < 0 || indexes.includes(activeIndex) ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    }, [activeIndex]),
    initialRect: FIRST_VIEW,
  });
  const hidden = column.total - cards.length;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={`column-${column.status}`}
      className={`flex w-72 shrink-0 flex-col rounded-lg bg-slate-100 sm:w-auto sm:min-w-0 sm:flex-1 ${isOver ? 'ring-2 ring-brand-300' : ''}`}
      data-testid={`board-column-${column.status}`}
      data-card-count={cards.length}
    >
      <h3 id={`column-${column.status}`} className="flex items-center justify-between px-3 pt-3 pb-2 text-sm font-semibold text-slate-800">
        {t(`statuses.${column.status}`)}
        <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600" data-testid="wip-count" aria-label={t('wipCount', { count: column.total })}>{column.total}</span>
      </h3>
      <div ref={scroller} className="max-h-[max(20rem,calc(100dvh-11rem))] min-h-24 overflow-y-auto px-2 pb-2" data-testid="board-column-scroller">
        <SortableContext id={column.status} items={ids} strategy={verticalListSortingStrategy}>
          <ul className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index]!;
              return (
                <BoardCard
                  key={card.id}
                  card={card}
                  href={`${taskPath}/${card.id}`}
                  overdue={card.status !== 'done' && card.dueDate < today}
                  movable={movable}
                  index={item.index}
                  top={item.start}
                  measure={virtualizer.measureElement}
                />
              );
            })}
          </ul>
        </SortableContext>
      </div>
      {hidden > 0 && (
        <Link href={`${taskPath}?status=${column.status}`} prefetch={false} className="px-3 pb-3 text-xs text-brand-700 hover:underline">{t('boardMore', { count: hidden })}</Link>
      )}
    </section>
  );
});
