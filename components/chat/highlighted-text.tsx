import { Fragment } from 'react';

/** Text with the given [start, end) ranges marked (search hits). */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(<Fragment key={`t${i}`}>{text.slice(at, start)}</Fragment>);
    parts.push(<mark key={`m${i}`} className="rounded bg-amber-200 px-0.5 text-slate-900">{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
