'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import type { ActionState } from '@/lib/http/authed-action';

export interface TimedAgendaItem {
  id: string;
  title: string;
  ownerName: string | null;
  minutes: number;
  startedAt: string | null;
  endedAt: string | null;
}

interface AgendaTimerProps {
  meetingId: string;
  items: TimedAgendaItem[];
  /** Whether the viewer may start and stop items (attendees who keep the minutes). */
  canRun: boolean;
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The agenda with one shared timer: the item someone started runs for everyone, counting against its time box. */
export function AgendaTimer({ meetingId, items, canRun, action }: AgendaTimerProps) {
  const t = useTranslations('meetings');
  const [now, setNow] = useState<number | null>(null);
  const running = items.some((item) => item.startedAt && !item.endedAt);
  // The clock starts after hydration (server and browser times differ) and ticks while an item runs.
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = running ? setInterval(tick, 1000) : undefined;
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [running]);

  return (
    <ol className="space-y-2" data-testid="agenda">
      {items.map((item, index) => {
        const isRunning = Boolean(item.startedAt && !item.endedAt);
        const elapsed = item.startedAt && now !== null ? (item.endedAt ? Date.parse(item.endedAt) : now) - Date.parse(item.startedAt) : 0;
        const over = elapsed - item.minutes * 60_000;
        return (
          <li key={item.id} className={`flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 ${isRunning ? 'border-brand-300 bg-brand-50' : 'border-slate-200 bg-white'}`}>
            <span className="text-sm text-slate-500">{index + 1}.</span>
            <span className="min-w-0 flex-1 text-sm font-medium text-slate-900">{item.title}</span>
            <span className="text-xs text-slate-500">{[item.ownerName, t('minutesUnit', { count: item.minutes })].filter(Boolean).join(' · ')}</span>
            {item.startedAt && now !== null && (
              <span role="timer" className={`font-mono text-xs ${over > 0 ? 'text-red-700' : 'text-slate-700'}`}>
                {isRunning
                  ? over > 0 ? t('overtime', { over: clock(over) }) : t('running', { elapsed: clock(elapsed), box: item.minutes })
                  : t('ended', { elapsed: clock(elapsed) })}
              </span>
            )}
            {canRun && (
              <ActionButton
                action={action}
                fields={{ meetingId, itemId: item.id, command: isRunning ? 'stop' : 'start' }}
                label={isRunning ? t('stop') : t('start')}
                ariaLabel={`${isRunning ? t('stop') : t('start')} ${item.title}`}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
