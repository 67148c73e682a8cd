import type { Destination } from './palette-destinations';

// What was last opened from the palette's search results, kept in this browser only.

const KEY = 'xiezuo.palette.recent';
const KEEP = 5;

export function readRecent(): Destination[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((d): d is Destination => typeof d?.title === 'string' && typeof d?.href === 'string' && d.href.startsWith('/')).slice(0, KEEP)
      : [];
  } catch {
    return [];
  }
}

export function rememberRecent(item: Destination): void {
  try {
    const kept = [item, ...readRecent().filter((d) => d.href !== item.href)].slice(0, KEEP);
    window.localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage may be full or off (private windows): the list is a convenience.
  }
}
