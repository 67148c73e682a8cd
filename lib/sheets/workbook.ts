import ExcelJS, { type CellValue, type Row, type Style, type Worksheet } from 'exceljs';
import { Invalid } from '@/lib/errors';
import { zipUnpackedSize } from '@/lib/files/zip-size';
import { cellText, isCellProblem, readCell, type SheetCell } from './cells';
import { columnForHeader, type SheetColumn, type SheetLayout } from './columns';
import { SHEET_MAX_BYTES } from './limits';

// Writing and reading the workbooks of every sheet format: one sheet, the header found by its
// text, cells read without trusting formulas or formatting.

// A 10 MB .xlsx of plain text unpacks to well under this; more is a sheet nobody typed (or a zip bomb).
const SHEET_MAX_UNPACKED = 200 * 1024 * 1024;
// A title above the header row ("某某项目跨部门任务表") is common; the header is looked for in the first rows.
const HEADER_SEARCH_ROWS = 10;

const refused = (key: string) => Invalid({ file: [`sheets.problems.${key}`] });

function columnStyle(column: SheetColumn): Partial<Style> {
  const alignment = { vertical: 'top' as const, wrapText: Boolean(column.wrap) };
  if (column.kind === 'date') return { numFmt: 'yyyy-mm-dd', alignment };
  if (column.kind === 'number') return { alignment };
  // Text format: what someone types into the cell later stays text too, never a formula.
  return { numFmt: '@', alignment };
}

// exceljs writes range validations but does not declare `dataValidations` in its types.
type ValidatedSheet = Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addChoiceList(sheet: Worksheet, column: SheetColumn, lastRow: number) {
  const letter = sheet.getColumn(column.key).letter;
  (sheet as ValidatedSheet).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${column.choices!.join(',')}"`],
    // A warning, not a stop: imports also accept the API's values (high, in_progress).
    showErrorMessage: true,
    errorStyle: 'warning',
  });
}

export type WrittenRow<K extends string> = Partial<Record<K, CellValue>>;

/**
 * Writes a workbook of one sheet: a bold frozen header row with filters, dates as real dates shown
 * as yyyy-mm-dd, drop-down lists where a column has choices. Text is always written as a string
 * cell, so a value starting with = + - @ is never a formula. `styleRow` may colour a written row.
 */
export async function writeSheet<K extends string>(
  layout: SheetLayout<K>,
  rows: readonly WrittenRow<K>[],
  styleRow?: (row: Row, index: number) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = layout.columns.map((column) => ({ header: column.header, key: column.key, width: column.width, style: columnStyle(column) }));
  rows.forEach((row, index) => {
    const written = sheet.addRow(row);
    styleRow?.(written, index);
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.columns.length } };
  // Rows people add below the exported ones get the lists too.
  const lastRow = Math.max(rows.length + 1, layout.maxRows + 1);
  for (const column of layout.columns) if (column.choices) addChoiceList(sheet, column, lastRow);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A data row of an imported sheet: its row number and the cells of the columns the format knows. */
export interface SheetRow<K extends string> {
  row: number;
  cells: Partial<Record<K, SheetCell>>;
}

export interface ReadSheet<K extends string> {
  headerRow: number;
  /** The known columns the sheet has (by header text, in any order). */
  columns: ReadonlySet<K>;
  rows: SheetRow<K>[];
}

async function loadFirstSheet(bytes: Uint8Array): Promise<Worksheet> {
  if (bytes.byteLength > SHEET_MAX_BYTES) throw refused('sheetTooLarge');
  // An .xlsx is a zip: anything else is refused before a parser sees it.
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw refused('sheetUnreadable');
  if (unpacked > SHEET_MAX_UNPACKED) throw refused('sheetUnpackedTooLarge');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw refused('sheetUnreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refused('sheetUnreadable');
  return sheet;
}

/** The header row (the first rows' one naming the most known columns) and where each known column is. */
function findHeader<K extends string>(sheet: Worksheet, layout: SheetLayout<K>): { headerRow: number; columnAt: Map<number, K> } {
  let best = { headerRow: 1, columnAt: new Map<number, K>() };
  for (let rowNumber = 1; rowNumber <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); rowNumber++) {
    const columnAt = new Map<number, K>();
    const seen = new Set<K>();
    sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
      const value = readCell(cell.value);
      const column = isCellProblem(value) ? undefined : columnForHeader(layout, cellText(value));
      // A second column with the same header is ignored: the first one counts.
      if (column && !seen.has(column.key)) {
        seen.add(column.key);
        columnAt.set(columnNumber, column.key);
      }
    });
    if (columnAt.size > best.columnAt.size) best = { headerRow: rowNumber, columnAt };
  }
  return best;
}

// A dash alone is how people leave a cell empty on purpose (实际完成时间: -).
const isBlank = (cell: SheetCell | undefined) => cell === undefined || (typeof cell === 'string' && /^[\s\-–—－]*$/.test(cell));

/**
 * Reads the first sheet of an uploaded workbook into raw rows: cells of the known columns, found
 * by header text; unknown columns and blank rows are skipped. Refuses (422 on `file`) a file over
 * SHEET_MAX_BYTES, what is not a readable .xlsx, and a sheet of more than the format's rows.
 */
export async function readSheet<K extends string>(bytes: Uint8Array, layout: SheetLayout<K>): Promise<ReadSheet<K>> {
  const sheet = await loadFirstSheet(bytes);
  const { headerRow, columnAt } = findHeader(sheet, layout);
  const rows: SheetRow<K>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells: SheetRow<K>['cells'] = {};
    for (const [columnNumber, key] of columnAt) {
      const cell = readCell(row.getCell(columnNumber).value);
      if (!isBlank(cell)) cells[key] = cell;
    }
    if (!Object.keys(cells).length) return;
    if (rows.length === layout.maxRows) throw refused('sheetTooManyRows');
    rows.push({ row: rowNumber, cells });
  });
  return { headerRow, columns: new Set(columnAt.values()), rows };
}
