import { describe, expect, it } from 'vitest';
import { awaitedBy, hoursLeft, isOverdue } from '@/lib/comments/rules';
import { responseDueAt } from '@/lib/comments/response-clock';

const SH = 'Asia/Shanghai';
// Wall-clock times in Shanghai (UTC+8, no daylight saving); 2026-12-04 is a Friday.
const local = (wallClock: string) => new Date(`${wallClock}+08:00`);

describe('the response clock', () => {
  it('counts round the clock unless told to count working hours', () => {
    expect(responseDueAt(local('2026-12-04T17:00:00'), 24, false, SH)).toEqual(local('2026-12-05T17:00:00'));
  });

  it('carries what is left of the working day over the weekend: Friday 17:00 + 2 h is Monday 10:00', () => {
    expect(responseDueAt(local('2026-12-04T17:00:00'), 2, true, SH)).toEqual(local('2026-12-07T10:00:00'));
  });

  it('starts counting at the next working morning when written at night or on a weekend', () => {
    expect(responseDueAt(local('2026-12-03T22:30:00'), 1, true, SH)).toEqual(local('2026-12-04T10:00:00'));
    expect(responseDueAt(local('2026-12-06T11:00:00'), 3, true, SH)).toEqual(local('2026-12-07T12:00:00'));
    expect(responseDueAt(local('2026-12-07T07:15:00'), 1, true, SH)).toEqual(local('2026-12-07T10:00:00'));
  });

  it('ends at the close of the day when the hours fit exactly', () => {
    expect(responseDueAt(local('2026-12-04T16:00:00'), 2, true, SH)).toEqual(local('2026-12-04T18:00:00'));
  });

  it('counts 24 working hours as nearly three working days, minutes included', () => {
    // Thursday 10:30: 7.5 h Thursday, 9 h Friday, 7.5 h Monday → Monday 16:30.
    expect(responseDueAt(local('2026-12-03T10:30:00'), 24, true, SH)).toEqual(local('2026-12-07T16:30:00'));
  });

  it('reads working hours in the zone it is given', () => {
    // Friday 17:00 in New York is Saturday 06:00 in Shanghai: in New York two hours remain Monday morning.
    const fridayNy = new Date('2026-12-04T17:00:00-05:00');
    expect(responseDueAt(fridayNy, 2, true, 'America/New_York')).toEqual(new Date('2026-12-07T10:00:00-05:00'));
  });

  it('handles the longest setting (a week of working hours)', () => {
    const due = responseDueAt(local('2026-12-04T09:00:00'), 168, true, SH);
    // 168 h = 18 days of 9 h + 6 h: 18 working days after Friday is Wednesday 2026-12-30, then 6 h.
    expect(due).toEqual(local('2026-12-30T15:00:00'));
  });
});

describe('who a comment waits for', () => {
  const [author, assignee, mentioned] = ['a', 'b', 'c'];
  it('waits for the mentioned people and a task’s assignee, never its author', () => {
    expect(awaitedBy({ authorId: author, mentionedIds: [mentioned, author], assigneeId: assignee }).sort()).toEqual([assignee, mentioned]);
    expect(awaitedBy({ authorId: assignee, mentionedIds: [], assigneeId: assignee })).toEqual([]);
  });

  it('is overdue only once past due and unanswered', () => {
    const dueAt = new Date('2026-12-05T00:00:00Z');
    expect(isOverdue({ dueAt, resolvedAt: null }, new Date('2026-12-05T00:00:01Z'))).toBe(true);
    expect(isOverdue({ dueAt, resolvedAt: null }, dueAt)).toBe(false);
    expect(isOverdue({ dueAt, resolvedAt: new Date('2026-12-04T00:00:00Z') }, new Date('2026-12-06T00:00:00Z'))).toBe(false);
    expect(hoursLeft(dueAt, new Date('2026-12-04T18:30:00Z'))).toBe(5);
  });
});
