// People and departments in an imported sheet are written by name. A name is matched exactly
// (after trimming), never guessed: no match, or two matches, is a problem the sheet must fix.

export interface Named {
  id: string;
  name: string;
}

export type NameMatch = { id: string } | { problem: 'unknown' | 'ambiguous' };

/** Ids by name, for matching many rows against one list. */
export function indexByName(items: readonly Named[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const { id, name } of items) {
    const key = name.trim();
    const ids = index.get(key);
    if (ids) ids.push(id);
    else index.set(key, [id]);
  }
  return index;
}

/**
 * The one id named `name`. What a row already refers to wins (`current`, with `nameOf` to read
 * their names): re-importing an exported row keeps its people even when a namesake has joined,
 * or when they have since left the space.
 */
export function matchName(
  index: ReadonlyMap<string, readonly string[]>,
  name: string,
  current: readonly (string | null)[] = [],
  nameOf: (id: string) => string | undefined = () => undefined,
): NameMatch {
  const key = name.trim();
  const kept = current.find((id) => id && nameOf(id)?.trim() === key);
  if (kept) return { id: kept };
  const ids = index.get(key) ?? [];
  if (ids.length === 1) return { id: ids[0]! };
  return { problem: ids.length ? 'ambiguous' : 'unknown' };
}

/** Cells that list people separate them by 、 (what exports write) or a comma, semicolon or new line. */
export const NAME_SEPARATOR = '、';

export function splitNames(text: string): string[] {
  return text.split(/[、,，;；\n]+/).map((name) => name.trim()).filter(Boolean);
}
