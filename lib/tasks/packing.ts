// What the board's and the Gantt chart's compact forms for the browser share: dates as day
// numbers after the earliest one, and people's names once each, referred to by index.

/** The earliest of the days (as day numbers), or 0 when there are none. */
export function earliestDay(days: Iterable<number>): number {
  let earliest = Infinity;
  for (const day of days) earliest = Math.min(earliest, day);
  return Number.isFinite(earliest) ? earliest : 0;
}

/** A growing list of names; `indexOf` adds a name the first time it is seen. */
export function nameTable(): { names: string[]; indexOf(name: string): number } {
  const names: string[] = [];
  const index = new Map<string, number>();
  return {
    names,
    indexOf: (name) => index.get(name) ?? (index.set(name, names.push(name) - 1), names.length - 1),
  };
}
