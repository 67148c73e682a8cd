import ExcelJS, { type Style, type Worksheet } from 'exceljs';
import { Invalid } from '@/lib/errors';
import { zipUnpackedSize } from '@/lib/files/zip-size';
import { TASK_SHEET_MAX_ROWS, type TaskPriority, type TaskStatus } from './rules';
import { cellText, dayAsDate, isCellProblem, readCell, type SheetCell } from './task-sheet-cells';
import {
  columnForHeader, NAME_SEPARATOR, PRIORITY_LABELS, STATUS_LABELS, TASK_SHEET_COLUMNS, TASK_SHEET_NAME,
  type TaskSheetColumn, type TaskSheetColumnKey,
} from './task-sheet-columns';

/** One task as the sheet shows it: people and the department by name, dates as YYYY-MM-DD. */
export interface TaskSheetRow {
  number: number;
  name: string;
  assignee: string;
  helpers: string[];
  department: string | null;
  priority: TaskPriority;
  dueDate: string;
  status: TaskStatus;
  deliverable: string | null;
  notes: string | null;
  startDate: string | null;
  deliveryStandard: string | null;
}

// A 10 MB .xlsx of plain text unpacks to well under this; more is a sheet nobody typed (or a zip bomb).
const TASK_SHEET_MAX_UNPACKED = 200 * 1024 * 1024;
// A title above the header row ("某某项目跨部门任务表") is common; the header is looked for in the first rows.
const HEADER_SEARCH_ROWS = 10;
const LONG_TEXT: ReadonlySet<TaskSheetColumnKey> = new Set(['name', 'deliverable', 'notes', 'deliveryStandard']);

function columnStyle(column: TaskSheetColumn): Partial<Style> {
  const alignment = { vertical: 'top' as const, wrapText: LONG_TEXT.has(column.key) };
  if (column.kind === 'date') return { numFmt: 'yyyy-mm-dd', alignment };
  if (column.kind === 'number') return { alignment };
  // Text format: what someone types into the cell later stays text too, never a formula.
  return { numFmt: '@', alignment };
}

// exceljs writes range validations but does not declare `dataValidations` in its types.
type ValidatedSheet = Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addChoiceList(sheet: Worksheet, key: TaskSheetColumnKey, labels: readonly string[], lastRow: number) {
  const letter = sheet.getColumn(key).letter;
  (sheet as ValidatedSheet).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${labels.join(',')}"`],
    // A warning, not a stop: the import also accepts the API's values (high, in_progress).
    showErrorMessage: true,
    errorStyle: 'warning',
  });
}

/**
 * Writes the 跨部门任务表 workbook: one sheet, a bold frozen header row with filters, dates as real
 * dates shown as yyyy-mm-dd, and drop-down lists for 优先级 and 状态. Text is always written as a
 * string cell, so a name starting with = + - @ is never a formula.
 */
export async function writeTaskSheet(rows: readonly TaskSheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(TASK_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TASK_SHEET_COLUMNS.map((column) => ({ header: column.header, key: column.key, width: column.width, style: columnStyle(column) }));
  for (const row of rows) {
    sheet.addRow({
      ...row,
      helpers: row.helpers.join(NAME_SEPARATOR) || null,
      priority: PRIORITY_LABELS[row.priority],
      status: STATUS_LABELS[row.status],
      dueDate: dayAsDate(row.dueDate),
      startDate: row.startDate ? dayAsDate(row.startDate) : null,
      deliverable: row.deliverable || null,
      notes: row.notes || null,
      deliveryStandard: row.deliveryStandard || null,
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TASK_SHEET_COLUMNS.length } };
  // Rows people add below the exported ones get the lists too.
  const lastRow = Math.max(rows.length + 1, TASK_SHEET_MAX_ROWS + 1);
  addChoiceList(sheet, 'priority', Object.values(PRIORITY_LABELS), lastRow);
  addChoiceList(sheet, 'status', Object.values(STATUS_LABELS), lastRow);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A data row of an imported sheet: its row number and the cells of the columns the import knows. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<TaskSheetColumnKey, SheetCell>>;
}

export interface ReadTaskSheet {
  headerRow: number;
  /** The known columns the sheet has (by header text, in any order). */
  columns: ReadonlySet<TaskSheetColumnKey>;
  rows: SheetRow[];
}

const refused = (key: string) => Invalid({ file: [`taskTable.problems.${key}`] });

async function loadFirstSheet(bytes: Uint8Array): Promise<Worksheet> {
  // An .xlsx is a zip: anything else is refused before a parser sees it.
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw refused('sheetUnreadable');
  if (unpacked > TASK_SHEET_MAX_UNPACKED) throw refused('sheetUnpackedTooLarge');
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
function findHeader(sheet: Worksheet): { headerRow: number; columnAt: Map<number, TaskSheetColumnKey> } {
  let best = { headerRow: 1, columnAt: new Map<number, TaskSheetColumnKey>() };
  for (let rowNumber = 1; rowNumber <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); rowNumber++) {
    const columnAt = new Map<number, TaskSheetColumnKey>();
    const seen = new Set<TaskSheetColumnKey>();
    sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
      const value = readCell(cell.value);
      const column = isCellProblem(value) ? undefined : columnForHeader(cellText(value));
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

const isBlank = (cell: SheetCell | undefined) => cell === undefined || (typeof cell === 'string' && !cell.trim());

/**
 * Reads the first sheet of an uploaded workbook into raw rows: cells of the known columns, found
 * by header text; unknown columns and blank rows are skipped. Refuses (422 on `file`) what is not
 * a readable .xlsx and a sheet of more than TASK_SHEET_MAX_ROWS task rows.
 */
export async function readTaskSheet(bytes: Uint8Array): Promise<ReadTaskSheet> {
  const sheet = await loadFirstSheet(bytes);
  const { headerRow, columnAt } = findHeader(sheet);
  const rows: SheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells: SheetRow['cells'] = {};
    for (const [columnNumber, key] of columnAt) {
      const cell = readCell(row.getCell(columnNumber).value);
      if (!isBlank(cell)) cells[key] = cell;
    }
    if (!Object.keys(cells).length) return;
    if (rows.length === TASK_SHEET_MAX_ROWS) throw refused('sheetTooManyRows');
    rows.push({ row: rowNumber, cells });
  });
  return { headerRow, columns: new Set(columnAt.values()), rows };
}
