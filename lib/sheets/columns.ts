// A spreadsheet format people exchange across departments is described by its columns: the
// header written and matched on import, other headers people use for it, and how cells are kept.

export type SheetColumnKind = 'number' | 'text' | 'date';

export interface SheetColumn<K extends string = string> {
  key: K;
  header: string;
  /** Other headers people use for the same column. */
  aliases?: readonly string[];
  kind: SheetColumnKind;
  /** Needed to create a row; a sheet without it is refused. */
  required?: boolean;
  width: number;
  /** Long text wraps inside its cell. */
  wrap?: boolean;
  /** Labels offered as a drop-down list in the exported sheet. */
  choices?: readonly string[];
}

/** A sheet format: its sheet name, its columns in the order they are written and the most rows one import takes. */
export interface SheetLayout<K extends string = string> {
  name: string;
  columns: readonly SheetColumn<K>[];
  maxRows: number;
}

// Full-width letters, spaces inside the header and a required-field star (任务名称*) are common in hand-made sheets.
const normalizeHeader = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '');

/** The column a header cell names, if any. */
export function columnForHeader<K extends string>(layout: SheetLayout<K>, text: string): SheetColumn<K> | undefined {
  const header = normalizeHeader(text);
  // A header with a note in brackets, e.g. 延期原因（如有）, names the same column.
  const bare = header.replace(/\([^)]*\)$/, '');
  return layout.columns.find((c) => [header, bare].some((h) => c.header === h || c.aliases?.includes(h)));
}

export const headerOf = <K extends string>(layout: SheetLayout<K>, key: K): string => layout.columns.find((c) => c.key === key)!.header;

/**
 * A stored value from its label in a cell (高 → high), or from the value itself in any case (the
 * API's spelling); anything else comes back as written, for the schema to refuse with its message.
 */
export function fromLabel<T extends string>(labels: Record<T, string | readonly string[]>, text: string): T | string {
  const value = text.trim();
  const keys = Object.keys(labels) as T[];
  const byLabel = keys.find((key) => ([] as string[]).concat(labels[key]).includes(value));
  return byLabel ?? keys.find((key) => key === value.toLowerCase()) ?? value;
}
