import { describe, expect, it } from 'vitest';
import { moveLocally, placement } from '@/components/tasks/board/board-moves';
import type { BoardColumn } from '@/lib/tasks/board';

const card = (number: number, status: BoardColumn['status']) => ({
  id: `t${number}`, number, name: `任务 ${number}`, priority: 'medium' as const, status, dueDate: '2026-12-20', isMilestone: false, assigneeName: '张伟',
});
const todo = Array.from({ length: 500 }, (_, i) => card(i + 1, 'todo'));
const columns: BoardColumn[] = [
  { status: 'todo', total: 500, cards: todo },
  { status: 'in_progress', total: 1, cards: [card(501, 'in_progress')] },
  { status: 'done', total: 0, cards: [] },
  { status: 'blocked', total: 0, cards: [] },
];

describe('a card dropped on the board', () => {
  it('moving down its own column lands after the card it was dropped on', () => {
    expect(placement(columns, todo[0]!, 'todo', 't300')).toEqual({ index: 299, afterId: 't300', beforeId: 't301' });
  });

  it('moving up its own column lands before the card it was dropped on', () => {
    expect(placement(columns, todo[399]!, 'todo', 't10')).toEqual({ index: 9, afterId: 't9', beforeId: 't10' });
  });

  it('dropped on another column (not on a card) goes to its end', () => {
    expect(placement(columns, todo[0]!, 'in_progress', 'in_progress')).toEqual({ index: 1, afterId: 't501', beforeId: null });
    expect(placement(columns, todo[0]!, 'done', 'done')).toEqual({ index: 0, afterId: null, beforeId: null });
  });

  it('shows at its new place with the counts changed, leaving the other columns as they were', () => {
    const moved = moveLocally(columns, todo[0]!, 'in_progress', 0);
    expect(moved[0]).toMatchObject({ total: 499 });
    expect(moved[0]!.cards[0]!.id).toBe('t2');
    expect(moved[1]!.cards.map((c) => [c.id, c.status])).toEqual([['t1', 'in_progress'], ['t501', 'in_progress']]);
    expect(moved[1]!.total).toBe(2);
    expect(moved[2]).toBe(columns[2]);
    expect(moved[3]).toBe(columns[3]);
  });
});
