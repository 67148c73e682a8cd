import { fromDayNumber, toDayNumber } from '@/lib/dates';
import type { BoardCard, BoardColumn } from './board';
import { earliestDay, nameTable } from './packing';
import { TASK_PRIORITIES } from './rules';

// The board as it travels from the server page to the browser. A column may hold thousands of
// cards; as tuples with day numbers and people by index (the column carries the status) they are
// about half the size of objects, which the page's HTML and the browser's parsing both feel.

type PackedCard = [id: string, number: number, name: string, priority: number, due: number, milestone: 0 | 1, person: number];

export interface PackedBoard {
  /** Due dates are whole days after this one. */
  baseDay: number;
  people: string[];
  columns: { status: BoardColumn['status']; total: number; cards: PackedCard[] }[];
}

export function packBoard(columns: BoardColumn[]): PackedBoard {
  const baseDay = earliestDay(columns.flatMap((column) => column.cards.map((card) => toDayNumber(card.dueDate))));
  const { names: people, indexOf } = nameTable();
  return {
    baseDay,
    people,
    columns: columns.map(({ status, total, cards }) => ({
      status,
      total,
      cards: cards.map((card) => [
        card.id, card.number, card.name, TASK_PRIORITIES.indexOf(card.priority), toDayNumber(card.dueDate) - baseDay, card.isMilestone ? 1 : 0, indexOf(card.assigneeName),
      ]),
    })),
  };
}

export function unpackBoard(packed: PackedBoard): BoardColumn[] {
  const { baseDay, people } = packed;
  return packed.columns.map(({ status, total, cards }) => ({
    status,
    total,
    cards: cards.map(([id, number, name, priority, due, milestone, person]): BoardCard => ({
      id, number, name, priority: TASK_PRIORITIES[priority] ?? 'medium', status,
      dueDate: fromDayNumber(baseDay + due), isMilestone: milestone === 1, assigneeName: people[person] ?? '',
    })),
  }));
}
