'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { toDayNumber } from '@/lib/dates';
import { datesDiffer, editDates, type BarEdit } from '@/lib/tasks/gantt-moves';
import type { GanttRow, PackedGantt } from '@/lib/tasks/gantt-transfer';
import { isOverdue } from '@/lib/tasks/overdue';
import type { BarHandlers } from './gantt-bar';
import { GanttBars } from './gantt-bars';
import { GanttDetail } from './gantt-detail';
import { GanttNames } from './gantt-names';
import { GanttScale } from './gantt-scale';
import { GanttToolbar } from './gantt-toolbar';
import { buildScale, dayAt, HEADER_HEIGHT, ROW_HEIGHT, xOf, type Scale, type Zoom } from './timeline';
import { useBarDrag } from './use-bar-drag';
import { useGanttFormat } from './use-gantt-format';
import { useGanttRows } from './use-gantt-rows';
import { useMediaQuery } from './use-media-query';

interface GanttChartProps {
  spaceId: string;
  /** The rows, arrows and critical path, packed for the trip (lib/tasks/gantt-transfer.ts). */
  data: PackedGantt;
  /** Today in the viewer's time zone (YYYY-MM-DD). */
  today: string;
  initialZoom: Zoom;
  /** The viewer may change tasks' dates (`task.edit`); phones and tablets stay read-only regardless. */
  canEdit: boolean;
}

// Server and first client render assume a desktop window; the real size is measured right after.
const INITIAL_RECT = { width: 1000, height: 560 };

/**
 * The Gantt chart: a sticky column of names and a timeline of bars, arrows and today, in one
 * scrolling box. Only the rows and columns in view are rendered, so 5,000 tasks scroll like 50.
 */
export function GanttChart({ spaceId, data, today, initialZoom, canEdit }: GanttChartProps) {
  const t = useTranslations('gantt');
  const router = useRouter();
  const hintId = useId();
  const { date, range } = useGanttFormat(today);
  const { rows, critical, pending, notice, reschedule } = useGanttRows(data, range);
  const readOnlyScreen = useMediaQuery('(max-width: 767px), (pointer: coarse)');
  const narrow = useMediaQuery('(max-width: 639px)');
  const editable = canEdit && !readOnlyScreen;
  const nameWidth = narrow ? 132 : 248;
  const [zoom, setZoom] = useState(initialZoom);
  const [showCritical, setShowCritical] = useState(true);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const elements = useRef(new Map<string, SVGGElement>());
  const focusRequest = useRef<string | null>(null);
  const anchorDay = useRef<number | null>(null);
  const previousScale = useRef<Scale | null>(null);

  const todayDay = toDayNumber(today);
  const [earliest, latest] = useMemo(() => {
    let first = today;
    let last = today;
    for (const row of rows) {
      const start = row.startDate ?? row.dueDate;
      if (start < first) first = start;
      if (row.dueDate > last) last = row.dueDate;
    }
    return [toDayNumber(first), toDayNumber(last)];
  }, [rows, today]);
  const scale = useMemo(() => buildScale(zoom, earliest, latest), [zoom, earliest, latest]);
  const indexByNumber = useMemo(() => new Map(rows.map((row, index) => [row.number, index])), [rows]);
  const indexById = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows]);
  const rowById = useCallback((id: string | null) => (id === null ? undefined : rows[indexById.get(id) ?? -1]), [indexById, rows]);

  // Not compiled by the React Compiler; the virtualizers re-render this component when scrolled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    initialRect: INITIAL_RECT,
    useFlushSync: false,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: scale.columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (scale.columns[index]?.days ?? 1) * scale.dayWidth,
    overscan: 4,
    scrollMargin: nameWidth,
    initialRect: INITIAL_RECT,
    useFlushSync: false,
  });

  const scrollToDay = useCallback((day: number, behavior: ScrollBehavior = 'auto') => {
    const element = scrollRef.current;
    if (!element) return;
    // Today a quarter of the way in, so what is due soon is in view as well as what just passed.
    const lead = (element.clientWidth - nameWidth) / 4;
    element.scrollTo({ left: Math.max(0, xOf(scale, day) - lead), behavior });
  }, [nameWidth, scale]);

  // The view follows the scale, not the other way round: today comes into view the first time, a
  // new zoom keeps the day that was at the left edge, and a plan that grew earlier keeps its place.
  useLayoutEffect(() => {
    columnVirtualizer.measure();
    const element = scrollRef.current;
    const previous = previousScale.current;
    previousScale.current = scale;
    if (!element || previous === scale) return;
    if (!previous) scrollToDay(todayDay);
    else if (previous.zoom !== scale.zoom) element.scrollLeft = xOf(scale, anchorDay.current ?? scale.firstDay);
    else if (previous.firstDay !== scale.firstDay) element.scrollLeft += (previous.firstDay - scale.firstDay) * scale.dayWidth;
    anchorDay.current = null;
  }, [columnVirtualizer, scale, scrollToDay, todayDay]);

  const scrollToToday = useCallback(() => scrollToDay(todayDay, 'smooth'), [scrollToDay, todayDay]);

  const changeZoom = useCallback((next: Zoom) => {
    const element = scrollRef.current;
    anchorDay.current = element ? dayAt(scale, element.scrollLeft) : null;
    setZoom(next);
    // The address keeps the zoom for reloads and links, without a round trip to the server.
    const url = new URL(window.location.href);
    url.searchParams.set('zoom', next);
    window.history.replaceState(window.history.state, '', url);
  }, [scale]);

  const commit = useCallback((task: GanttRow, edit: BarEdit, days: number) => {
    const next = editDates(task, edit, days);
    if (datesDiffer(task, next)) void reschedule(task, next);
  }, [reschedule]);

  const onDrop = useCallback((taskId: string, edit: BarEdit, days: number) => {
    const task = rowById(taskId);
    if (task) commit(task, edit, days);
  }, [commit, rowById]);
  const drag = useBarDrag(scale.dayWidth, onDrop, setSelectedId);
  const cancelDrag = drag.cancel;

  const focusRow = useCallback((wanted: number) => {
    const index = Math.max(0, Math.min(rows.length - 1, wanted));
    const target = rows[index];
    if (!target) return;
    focusRequest.current = target.id;
    setSelectedId(target.id);
    rowVirtualizer.scrollToIndex(index, { align: 'auto' });
    elements.current.get(target.id)?.focus();
  }, [rowVirtualizer, rows]);

  // Tells browser tests (and measurements) that the chart has hydrated and takes input.
  useEffect(() => sectionRef.current?.setAttribute('data-ready', 'true'), []);

  // A bar asked for by the keyboard may only exist once its row has scrolled into view.
  useEffect(() => {
    const id = focusRequest.current;
    const element = id ? elements.current.get(id) : undefined;
    if (element && document.activeElement !== element) element.focus();
    if (element) focusRequest.current = null;
  });

  const keyDown = useCallback((event: KeyboardEvent<SVGGElement>, task: GanttRow, index: number) => {
    const key = event.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      focusRow(index + (key === 'ArrowDown' ? 1 : -1));
    } else if (key === 'Enter') {
      event.preventDefault();
      router.push(`/spaces/${spaceId}/tasks/${task.id}`);
    } else if (key === 'Escape') {
      cancelDrag();
    } else if ((key === 'ArrowLeft' || key === 'ArrowRight') && editable && !pending.has(task.id)) {
      event.preventDefault();
      commit(task, event.shiftKey && !task.isMilestone ? 'due' : 'move', key === 'ArrowRight' ? 1 : -1);
    }
  }, [cancelDrag, commit, editable, focusRow, pending, router, spaceId]);

  const handlers = useMemo<BarHandlers>(() => ({
    start: drag.start,
    move: drag.move,
    end: drag.end,
    cancel: drag.cancel,
    keyDown,
    focus: setSelectedId,
    hover: setHoveredId,
    register: (id, element) => {
      if (element) elements.current.set(id, element);
      else elements.current.delete(id);
    },
  }), [drag.start, drag.move, drag.end, drag.cancel, keyDown]);

  const labelOf = useCallback(
    (task: GanttRow, dates: Pick<GanttRow, 'startDate' | 'dueDate'>) =>
      t(task.isMilestone ? 'barMilestone' : 'bar', { number: task.number, name: task.name, dates: task.isMilestone ? date(dates.dueDate) : range(dates) }),
    [date, range, t],
  );

  const shownId = hoveredId ?? selectedId;
  const shown = rowById(shownId) ?? null;
  const rowItems = rowVirtualizer.getVirtualItems();
  const columnItems = columnVirtualizer.getVirtualItems();
  const bodyHeight = rows.length * ROW_HEIGHT;
  const hint = useMemo(() => [editable ? t('dragHint') : canEdit ? t('readOnlyScreen') : t('readOnly'), t('selectHint')], [canEdit, editable, t]);

  return (
    <section ref={sectionRef} aria-label={t('chartLabel', { count: rows.length })} className="space-y-3" data-testid="gantt" data-editable={editable || undefined}>
      <GanttToolbar
        zoom={zoom}
        onZoom={changeZoom}
        showCritical={showCritical}
        onShowCritical={setShowCritical}
        onToday={scrollToToday}
        count={rows.length}
        total={data.total}
      />
      <GanttDetail
        spaceId={spaceId}
        task={shown}
        critical={Boolean(shown && critical.has(shown.number))}
        overdue={Boolean(shown && isOverdue(shown, today))}
        range={shown ? range(shown) : ''}
        hint={hint}
      />
      {notice && (
        <p role="status" data-testid={notice.tone === 'error' ? 'gantt-error' : 'gantt-message'} className={`text-sm ${notice.tone === 'error' ? 'text-red-700' : 'text-slate-700'}`}>
          {notice.text}
        </p>
      )}
      <p id={hintId} className="sr-only">{editable ? t('keyboardHint') : t('keyboardHintReadOnly')}</p>
      <div
        ref={scrollRef}
        className="relative overflow-auto overscroll-contain rounded-lg border border-slate-200 bg-white"
        style={{ maxHeight: '70vh' }}
        data-testid="gantt-scroll"
      >
        <div className="relative" style={{ width: nameWidth + scale.width, height: HEADER_HEIGHT + bodyHeight }}>
          <div className="sticky top-0 z-20 flex border-b border-slate-200 bg-white" style={{ height: HEADER_HEIGHT }}>
            <div className="sticky left-0 z-30 flex shrink-0 items-end border-r border-slate-200 bg-white px-2 pb-1 text-xs font-medium text-slate-600" style={{ width: nameWidth }}>
              {t('columnTask')}
            </div>
            <GanttScale scale={scale} columnItems={columnItems} viewLeft={columnVirtualizer.scrollOffset ?? 0} today={today} />
          </div>
          <div className="flex" style={{ height: bodyHeight }}>
            <GanttNames spaceId={spaceId} rows={rows} rowItems={rowItems} width={nameWidth} selectedId={selectedId} />
            <div className="relative shrink-0" style={{ width: scale.width }}>
              <GanttBars
                rows={rows}
                rowItems={rowItems}
                columnItems={columnItems}
                scale={scale}
                links={data.links}
                indexByNumber={indexByNumber}
                critical={critical}
                showCritical={showCritical}
                today={today}
                preview={drag.preview}
                selectedId={selectedId}
                editable={editable}
                pending={pending}
                labelOf={labelOf}
                describedBy={hintId}
                roleDescription={t('barRole')}
                handlers={handlers}
              />
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
