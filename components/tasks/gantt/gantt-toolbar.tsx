'use client';

import { CalendarCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { ZOOMS, type Zoom } from './timeline';

interface GanttToolbarProps {
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  showCritical: boolean;
  onShowCritical: (show: boolean) => void;
  onToday: () => void;
  count: number;
  total: number;
}

const ZOOM_LABELS = { day: 'zoomDay', week: 'zoomWeek', month: 'zoomMonth' } as const;
const STATUS_SWATCHES = [
  ['todo', 'bg-slate-400'],
  ['inProgress', 'bg-brand-600'],
  ['done', 'bg-emerald-600'],
  ['blocked', 'bg-amber-500'],
] as const;

/** Zoom, today, the critical-path switch, the row count and what the colours mean. */
export const GanttToolbar = memo(function GanttToolbar({ zoom, onZoom, showCritical, onShowCritical, onToday, count, total }: GanttToolbarProps) {
  const t = useTranslations('gantt');
  const status = useTranslations('spaces.taskStatus');
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label={t('zoom')} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5" data-testid="gantt-zoom">
          {ZOOMS.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={zoom === value}
              onClick={() => onZoom(value)}
              className={`min-h-9 min-w-10 rounded px-3 text-sm font-medium ${zoom === value ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {t(ZOOM_LABELS[value])}
            </button>
          ))}
        </div>
        <button type="button" onClick={onToday} className="inline-flex min-h-10 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50">
          <CalendarCheck className="size-4" aria-hidden="true" />
          {t('scrollToToday')}
        </button>
        <label className="inline-flex min-h-10 items-center gap-2 px-1 text-sm text-slate-800">
          <input type="checkbox" checked={showCritical} onChange={(event) => onShowCritical(event.target.checked)} className="size-4 accent-violet-700" data-testid="gantt-critical-toggle" />
          {t('showCritical')}
        </label>
        <span className="ml-auto text-sm text-slate-600" data-testid="gantt-count">
          {count === total ? t('count', { count }) : t('countFiltered', { count, total })}
        </span>
      </div>
      <ul aria-label={t('legend')} className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {STATUS_SWATCHES.map(([key, color]) => (
          <li key={key} className="inline-flex items-center gap-1.5">
            <span className={`h-2.5 w-4 rounded-sm ${color}`} aria-hidden="true" />
            {status(key)}
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-4 rounded-sm bg-red-600" aria-hidden="true" />
          {t('overdue')}
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span className="size-2.5 rotate-45 bg-slate-500" aria-hidden="true" />
          {t('milestone')}
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span className="h-2.5 w-4 rounded-sm border-2 border-violet-700 bg-white" aria-hidden="true" />
          {t('critical')}
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span className="h-3 w-0.5 bg-orange-500" aria-hidden="true" />
          {t('today')}
        </li>
      </ul>
    </div>
  );
});
