import { describe, expect, it } from 'vitest';
import type { BoardColumn } from '@/lib/tasks/board';
import { packBoard, unpackBoard } from '@/lib/tasks/board-transfer';

const card = (id: string, number: number, status: BoardColumn['status'], extra: Partial<BoardColumn['cards'][number]> = {}) => ({
  id, number, name: `任务 ${number}`, priority: 'medium' as const, status, dueDate: '2026-12-20', isMilestone: false, assigneeName: '张伟', ...extra,
});

const columns: BoardColumn[] = [
  { status: 'todo', total: 3, cards: [card('a', 1, 'todo', { priority: 'high', dueDate: '2026-12-31' }), card('b', 2, 'todo', { isMilestone: true, assigneeName: '王芳' })] },
  { status: 'in_progress', total: 1, cards: [card('c', 3, 'in_progress', { priority: 'low', dueDate: '2027-01-02' })] },
  { status: 'done', total: 0, cards: [] },
  { status: 'blocked', total: 0, cards: [] },
];

describe('the board on its way to the browser', () => {
  it('comes back as the same columns, counts and cards', () => {
    const packed = packBoard(columns);
    expect(unpackBoard(JSON.parse(JSON.stringify(packed)))).toEqual(columns);
    expect(packed.people).toEqual(['张伟', '王芳']);
  });

  it('is about half the size of the cards as objects', () => {
    const long: BoardColumn[] = [{ status: 'todo', total: 1000, cards: Array.from({ length: 1000 }, (_, i) => card(crypto.randomUUID(), i + 1, 'todo')) }];
    expect(JSON.stringify(packBoard(long)).length).toBeLessThan(JSON.stringify(long).length * 0.55);
  });

  it('packs a board without cards', () => {
    const empty = columns.map((c) => ({ ...c, total: 0, cards: [] }));
    expect(unpackBoard(packBoard(empty))).toEqual(empty);
  });
});
