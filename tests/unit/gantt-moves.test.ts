import { describe, expect, it } from 'vitest';
import { datesDiffer, editDates } from '@/lib/tasks/gantt-moves';

const bar = { startDate: '2026-12-03', dueDate: '2026-12-08' };
const oneDay = { startDate: null, dueDate: '2026-12-08' };

describe('moving and resizing a Gantt bar', () => {
  it('moves both ends and keeps the length, across a month end', () => {
    expect(editDates(bar, 'move', 25)).toEqual({ startDate: '2026-12-28', dueDate: '2027-01-02' });
    expect(editDates(bar, 'move', -3)).toEqual({ startDate: '2026-11-30', dueDate: '2026-12-05' });
  });

  it('keeps a task without a start date a one-day bar when it moves', () => {
    expect(editDates(oneDay, 'move', 2)).toEqual({ startDate: null, dueDate: '2026-12-10' });
  });

  it('resizes one end and stops at the other', () => {
    expect(editDates(bar, 'due', 2)).toEqual({ startDate: '2026-12-03', dueDate: '2026-12-10' });
    expect(editDates(bar, 'due', -9)).toEqual({ startDate: '2026-12-03', dueDate: '2026-12-03' });
    expect(editDates(bar, 'start', -1)).toEqual({ startDate: '2026-12-02', dueDate: '2026-12-08' });
    expect(editDates(bar, 'start', 9)).toEqual({ startDate: '2026-12-08', dueDate: '2026-12-08' });
  });

  it('gives a one-day task a start date where its bar began when it is stretched', () => {
    expect(editDates(oneDay, 'due', 3)).toEqual({ startDate: '2026-12-08', dueDate: '2026-12-11' });
    expect(editDates(oneDay, 'start', -2)).toEqual({ startDate: '2026-12-06', dueDate: '2026-12-08' });
  });

  it('tells a real change from a resize pressed against the other end', () => {
    const flat = { startDate: '2026-12-08', dueDate: '2026-12-08' };
    expect(datesDiffer(flat, editDates(flat, 'due', -1))).toBe(false);
    expect(datesDiffer(bar, editDates(bar, 'move', 1))).toBe(true);
  });
});
