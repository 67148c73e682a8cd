import type { RowProblem } from '@/lib/errors';
import { cellText, isCellProblem, type PlainCell } from './cells';
import { headerOf, type SheetColumn, type SheetLayout } from './columns';
import type { ReadSheet, SheetRow } from './workbook';

/** Full catalogue key of a problem every sheet format shares. */
export const sheetProblem = (key: string) => `sheets.problems.${key}`;

/**
 * One imported row being checked: its cells, and the problems found in it, each on its column (a
 * column with a problem is not judged again). Cells a formula or an error value leaves without a
 * trusted value are reported at once and read as empty.
 */
export function rowReader<K extends string>(sheetRow: SheetRow<K>, sheet: ReadSheet<K>, layout: SheetLayout<K>) {
  const problems: RowProblem[] = [];
  const flagged = new Set<K>();
  /** `messageKey` is a full catalogue key. */
  const report = (column: K, messageKey: string, values?: RowProblem['values']) => {
    flagged.add(column);
    problems.push({ row: sheetRow.row, column: headerOf(layout, column), messageKey, ...(values ? { values } : {}) });
  };
  for (const [key, cell] of Object.entries(sheetRow.cells) as [K, SheetRow<K>['cells'][K]][]) {
    if (isCellProblem(cell)) report(key, sheetProblem(cell.problem), cell.problem === 'cellError' ? { value: cell.value ?? '' } : undefined);
  }
  const cell = (column: K): PlainCell | undefined => {
    const value = sheetRow.cells[column];
    return isCellProblem(value) ? undefined : value;
  };
  return {
    row: sheetRow.row,
    problems,
    report,
    cell,
    text: (column: K) => cellText(cell(column)),
    has: (column: K) => sheet.columns.has(column),
    isFlagged: (column: K) => flagged.has(column),
  };
}
export type RowReader<K extends string> = ReturnType<typeof rowReader<K>>;

/** The required columns a sheet lacks, each as a problem on the header row. */
export function missingColumns<K extends string>(sheet: ReadSheet<K>, layout: SheetLayout<K>): RowProblem[] {
  return layout.columns
    .filter((c: SheetColumn<K>) => c.required && !sheet.columns.has(c.key))
    .map((c) => ({ row: sheet.headerRow, column: c.header, messageKey: sheetProblem('columnMissing') }));
}

// Schema messages every sheet format can run into, with their texts under sheets.problems.
const SHARED_SCHEMA_PROBLEMS = new Set(['required', 'tooLong', 'singleLine', 'dateInvalid']);

/**
 * The catalogue key of a schema message met in a sheet row: a shared one, else one of the format's
 * own (`<namespace>.problems.<message>`); undefined for the rest, which read as "invalid".
 */
export function schemaProblemKeys(namespace: string, own: readonly string[]): (message: string) => string | undefined {
  const ownMessages = new Set(own);
  return (message) =>
    SHARED_SCHEMA_PROBLEMS.has(message) ? sheetProblem(message) : ownMessages.has(message) ? `${namespace}.problems.${message}` : undefined;
}

/** Reports a zod parse's issues on the columns of their fields (see schemaProblemKeys for the messages). */
export function reportSchemaIssues<K extends string>(
  reader: RowReader<K>,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  columnOfField: Readonly<Record<string, NoInfer<K>>>,
  fallbackColumn: NoInfer<K>,
  messageKeyOf: (message: string) => string | undefined,
) {
  for (const issue of issues) {
    const column = columnOfField[String(issue.path[0])] ?? fallbackColumn;
    if (!reader.isFlagged(column)) reader.report(column, messageKeyOf(issue.message) ?? sheetProblem('invalid'));
  }
}
