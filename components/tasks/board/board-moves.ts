import type { BoardCard, BoardColumn } from '@/lib/tasks/board';
import { TASK_STATUSES, type TaskStatus } from '@/lib/tasks/rules';

export const isStatus = (id: unknown): id is TaskStatus => TASK_STATUSES.includes(id as TaskStatus);

/** Where a dropped card lands: the card before and after it in the target column, with the card removed. */
export function placement(columns: BoardColumn[], card: BoardCard, to: TaskStatus, overId: string) {
  const cards = columns.find((c) => c.status === to)!.cards.filter((c) => c.id !== card.id);
  const source = columns.find((c) => c.status === card.status)!.cards;
  let index = isStatus(overId) ? cards.length : cards.findIndex((c) => c.id === overId);
  // Moving down inside one column lands after the card it was dropped on.
  if (!isStatus(overId) && to === card.status && source.findIndex((c) => c.id === card.id) < source.findIndex((c) => c.id === overId)) index += 1;
  if (index < 0) index = cards.length;
  return { index, afterId: cards[index - 1]?.id ?? null, beforeId: cards[index]?.id ?? null };
}

/** The board with the card moved, as the server will have it if it accepts. Untouched columns stay the same objects. */
export function moveLocally(columns: BoardColumn[], card: BoardCard, to: TaskStatus, index: number): BoardColumn[] {
  return columns.map((column) => {
    if (column.status !== card.status && column.status !== to) return column;
    let cards = column.cards.filter((c) => c.id !== card.id);
    let total = column.total - (column.status === card.status ? 1 : 0);
    if (column.status === to) {
      cards = [...cards.slice(0, index), { ...card, status: to }, ...cards.slice(index)];
      total += 1;
    }
    return { ...column, cards, total };
  });
}
