'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { BoardCard as Card } from '@/lib/tasks/board';
import { MilestoneMark, PriorityBadge } from '../task-badges';

interface BoardCardProps {
  card: Card;
  href: string;
  overdue: boolean;
  movable: boolean;
}

/** One task on the board; the whole card is the drag handle (keyboard: focus, Space, arrows, Space). */
export function BoardCard({ card, href, overdue, movable }: BoardCardProps) {
  const t = useTranslations('tasks');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled: !movable });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...(movable ? { ...attributes, ...listeners } : {})}
      aria-label={movable ? t('boardCardLabel', { task: `#${card.number} ${card.name}` }) : undefined}
      className={`rounded-md border border-slate-200 bg-white p-2.5 shadow-sm ${movable ? 'cursor-grab touch-none focus-visible:outline-2 focus-visible:outline-brand-600' : ''} ${isDragging ? 'opacity-40' : ''}`}
      data-testid={`board-card-${card.number}`}
    >
      <span className="flex items-start gap-1.5">
        {card.isMilestone && <MilestoneMark />}
        <Link href={href} className="min-w-0 flex-1 text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline" onPointerDown={(e) => e.stopPropagation()}>
          <span className="text-slate-400">#{card.number}</span> {card.name}
        </Link>
      </span>
      <span className="mt-1.5 flex items-center gap-2 text-xs text-slate-600">
        <PriorityBadge priority={card.priority} />
        <span className="truncate">{card.assigneeName}</span>
        <span className={`ml-auto shrink-0 ${overdue ? 'font-medium text-red-700' : ''}`}>{card.dueDate.slice(5)}</span>
      </span>
    </li>
  );
}
