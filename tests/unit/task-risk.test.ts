import { describe, expect, it } from 'vitest';
import { computeRisk } from '@/lib/tasks/risk';

const row = (overrides: Partial<Parameters<typeof computeRisk>[0]> = {}) => ({ plannedDate: '2026-12-20', actualDate: null, blockedTasks: 0, overdueTasks: 0, ...overrides });

describe('the risk of a progress-table row', () => {
  it('is green when finished on time and yellow when finished late', () => {
    expect(computeRisk(row({ actualDate: '2026-12-18' }), '2026-12-25')).toBe('green');
    expect(computeRisk(row({ actualDate: '2026-12-22' }), '2026-12-25')).toBe('yellow');
  });

  it('is red once the planned date has passed unfinished', () => {
    expect(computeRisk(row(), '2026-12-21')).toBe('red');
    expect(computeRisk(row(), '2026-12-20')).toBe('yellow');
  });

  it('turns yellow three days ahead or with overdue tasks, red with blocked tasks within a week', () => {
    expect(computeRisk(row(), '2026-12-16')).toBe('green');
    expect(computeRisk(row(), '2026-12-17')).toBe('yellow');
    expect(computeRisk(row({ overdueTasks: 1 }), '2026-12-01')).toBe('yellow');
    expect(computeRisk(row({ blockedTasks: 1 }), '2026-12-01')).toBe('yellow');
    expect(computeRisk(row({ blockedTasks: 1 }), '2026-12-13')).toBe('red');
  });
});
