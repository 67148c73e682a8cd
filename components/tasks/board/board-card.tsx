'use client';

import { useSortable } from '@dnd-kit/sortable';
import type { Transform } from '@dnd-kit/utilities';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { memo, useCallback, useMemo } from 'react';
import type { BoardCard as Card } from '@/lib/tasks/board';
import { MilestoneMark, PriorityBadge } from '../task-badges';

interface BoardCardProps {
  card: Card;
  href: string;
  overdue: boolean;
  movable: boolean;
  /** Where the column's virtualiser placed the card: its index and its offset from the list's top. */
  index: number;
  top: number;
  /** The virtualiser's measuring ref, so cards of two lines push the next ones down. */
  measure: (node: HTMLElement | null) => void;
}

/**
 * A sortable card's displacement as a 2D translate, and none when it stays put: dnd-kit's
 * translate3d would give every card in view a compositing layer of its own while a drag lasts.
 */
const shift = (transform: Transform | null) => (transform && (transform.x || transform.y) ? `translate(${transform.x}px, ${transform.y}px)` : undefined);

/**
 * One task on the board; the whole card is the drag handle (keyboard: focus, Space, arrows, Space).
 * Placed with `top`, not a transform: dnd-kit measures cards without their transforms and moves
 * them aside with one while sorting.
 */
export const BoardCard = memo(function BoardCard({ card, href, overdue, movable, index, top, measure }: BoardCardProps) {
  const t = useTranslations('tasks');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled: !movable });
  const ref = useCallback((node: HTMLLIElement | null) => {
    setNodeRef(node);
    measure(node);
  }, [setNodeRef, measure]);
  // useSortable re-renders the card at every step of a drag; the label is formatted once.
  const label = useMemo(() => (movable ? t('boardCardLabel', { task: `#${card.number} ${card.name}` }) : undefined), [movable, t, card.number, card.name]);
  return (
    <li
      ref={ref}
      data-index={index}
      style={{ top, transform: shift(transform), transition }}
      {...(movable ? { ...attributes, ...listeners } : {})}
      aria-label={label}
      className={`absolute inset-x-0 rounded-md border border-slate-200 bg-white p-2.5 shadow-sm ${movable ? 'cursor-grab touch-manipulation focus-visible:outline-2 focus-visible:outline-brand-600' : ''} ${isDragging ? 'opacity-40' : ''}`}
      data-testid={`board-card-${card.number}`}
    >
      <CardFace card={card} href={href} overdue={overdue} />
    </li>
  );
});

const sameCard = (a: Card, b: Card) =>
  a.id === b.id && a.number === b.number && a.name === b.name && a.priority === b.priority && a.dueDate === b.dueDate && a.isMilestone === b.isMilestone && a.assigneeName === b.assigneeName;

/** What a card shows; unchanged by a drag, and by new server data that says the same. */
const CardFace = memo(function CardFace({ card, href, overdue }: Pick<BoardCardProps, 'card' | 'href' | 'overdue'>) {
  return (
    <>
      <span className="flex items-start gap-1.5">
        {card.isMilestone && <MilestoneMark />}
        {/* No prefetch: a column scrolls past hundreds of cards. The mouse on the name opens the task rather than dragging it. */}
        <Link href={href} prefetch={false} className="min-w-0 flex-1 text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline" onMouseDown={(e) => e.stopPropagation()}>
          <span className="text-slate-400">#{card.number}</span> {card.name}
        </Link>
      </span>
      <span className="mt-1.5 flex items-center gap-2 text-xs text-slate-600">
        <PriorityBadge priority={card.priority} />
        <span className="truncate">{card.assigneeName}</span>
        <span className={`ml-auto shrink-0 ${overdue ? 'font-medium text-red-700' : ''}`}>{card.dueDate.slice(5)}</span>
      </span>
    </>
  );
}, (a, b) => a.href === b.href && a.overdue === b.overdue && sameCard(a.card, b.card));
