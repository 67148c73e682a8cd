// The chart's geometry: calendar dates as whole day numbers (`toDayNumber` in lib/dates), the
// columns of each zoom level and the pixels of a day.

export const ZOOMS = ['day', 'week', 'month'] as const;
export type Zoom = (typeof ZOOMS)[number];

export const isZoom = (value: unknown): value is Zoom => typeof value === 'string' && (ZOOMS as readonly string[]).includes(value);

/** Pixels per day: a day column wide enough for its number, a week for "12/7", a month for its name. */
export const DAY_WIDTH: Record<Zoom, number> = { day: 32, week: 14, month: 4 };
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 48;

const DAY_MS = 86_400_000;

export const dayToDate = (day: number) => new Date(day * DAY_MS);

/** 1970-01-01 was a Thursday; weeks start on Monday, as calendars in China do. */
const mondayOf = (day: number) => day - ((day + 3) % 7);
export const isWeekend = (day: number) => (day + 3) % 7 >= 5;

function firstOfMonth(day: number, monthsLater = 0) {
  const date = dayToDate(day);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1) / DAY_MS);
}

export interface Column {
  /** First day of the column. */
  day: number;
  days: number;
}

export interface Scale {
  zoom: Zoom;
  firstDay: number;
  /** The day after the last one shown. */
  endDay: number;
  dayWidth: number;
  width: number;
  columns: Column[];
}

/**
 * The columns from a little before the earliest day to a little after the latest (both including
 * today, so the today line is always on the chart), whole weeks or months when zoomed out.
 */
export function buildScale(zoom: Zoom, earliest: number, latest: number): Scale {
  const dayWidth = DAY_WIDTH[zoom];
  const columns: Column[] = [];
  let firstDay: number;
  let endDay: number;
  if (zoom === 'day') {
    firstDay = earliest - 3;
    endDay = latest + 8;
    for (let day = firstDay; day < endDay; day++) columns.push({ day, days: 1 });
  } else if (zoom === 'week') {
    firstDay = mondayOf(earliest) - 7;
    endDay = mondayOf(latest) + 14;
    for (let day = firstDay; day < endDay; day += 7) columns.push({ day, days: 7 });
  } else {
    firstDay = firstOfMonth(earliest);
    endDay = firstOfMonth(latest, 2);
    for (let day = firstDay; day < endDay; day = firstOfMonth(day, 1)) columns.push({ day, days: firstOfMonth(day, 1) - day });
  }
  return { zoom, firstDay, endDay, dayWidth, width: (endDay - firstDay) * dayWidth, columns };
}

/** The x of the left edge of a day. */
export const xOf = (scale: Scale, day: number) => (day - scale.firstDay) * scale.dayWidth;

/** The day under an x (for keeping the same dates in view when zooming). */
export const dayAt = (scale: Scale, x: number) => scale.firstDay + Math.floor(x / scale.dayWidth);

/** The label a column's header groups it under: its month, or its year when zoomed out to months. */
export function groupOf(scale: Scale, column: Column): number {
  const date = dayToDate(column.day);
  return scale.zoom === 'month' ? date.getUTCFullYear() : date.getUTCFullYear() * 12 + date.getUTCMonth();
}
