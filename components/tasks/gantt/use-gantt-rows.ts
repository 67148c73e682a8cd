'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { unpackGanttRows, type GanttRow, type PackedGantt } from '@/lib/tasks/gantt-transfer';
import { rescheduleTaskAction } from '@/lib/tasks/gantt-actions';
import type { ScheduledTask } from '@/lib/tasks/schedule';

type Dates = Pick<ScheduledTask, 'startDate' | 'dueDate'>;
export interface GanttNotice {
  tone: 'info' | 'error';
  text: string;
}

function withDates(rows: GanttRow[], changes: readonly ScheduledTask[]): GanttRow[] {
  const byId = new Map(changes.map((c) => [c.id, c]));
  return rows.map((row) => {
    const change = byId.get(row.id);
    return change ? { ...row, startDate: change.startDate, dueDate: change.dueDate } : row;
  });
}

/**
 * The chart's rows and critical path, changed optimistically: a new schedule shows at once, is
 * sent to the server, and is then replaced by what the server answered (with the tasks it moved
 * later) or put back with the reason it was refused. New data from the server starts over.
 */
export function useGanttRows(data: PackedGantt, describe: (dates: Dates) => string) {
  const t = useTranslations('gantt');
  const [source, setSource] = useState(data);
  const [rows, setRows] = useState(() => unpackGanttRows(data));
  const [criticalSet, setCriticalSet] = useState<ReadonlySet<number>>(() => new Set(data.critical));
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());
  const [notice, setNotice] = useState<GanttNotice | null>(null);
  if (source !== data) {
    setSource(data);
    setRows(unpackGanttRows(data));
    setCriticalSet(new Set(data.critical));
  }

  const settle = useCallback((id: string) => setPending((current) => {
    const next = new Set(current);
    next.delete(id);
    return next;
  }), []);

  const reschedule = useCallback(async (task: GanttRow, dates: Dates) => {
    const before = { id: task.id, startDate: task.startDate, dueDate: task.dueDate };
    setRows((current) => withDates(current, [{ id: task.id, ...dates }]));
    setPending((current) => new Set(current).add(task.id));
    setNotice({ tone: 'info', text: t('saving', { number: task.number }) });
    try {
      const result = await rescheduleTaskAction(task.id, dates);
      if (result.ok) {
        const { task: saved, rescheduled, critical: path } = result.data;
        setRows((current) => withDates(current, [saved, ...rescheduled]));
        setCriticalSet(new Set(path));
        const text = rescheduled.length
          ? t('movedWithSuccessors', { number: task.number, dates: describe(saved), count: rescheduled.length })
          : t('moved', { number: task.number, dates: describe(saved) });
        setNotice({ tone: 'info', text });
      } else {
        setRows((current) => withDates(current, [before]));
        setNotice({ tone: 'error', text: t('refused', { number: task.number, reason: result.message }) });
      }
    } catch {
      // The server could not be reached or failed: the bar goes back to what is saved.
      setRows((current) => withDates(current, [before]));
      setNotice({ tone: 'error', text: t('saveFailed') });
    } finally {
      settle(task.id);
    }
  }, [describe, settle, t]);

  return { rows, critical: criticalSet, pending, notice, reschedule };
}
