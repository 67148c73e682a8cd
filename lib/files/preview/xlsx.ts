import ExcelJS, { type Cell, type Worksheet } from 'exceljs';
import { isCellProblem, isoDay, readCell } from '@/lib/sheets/cells';
import { CELL_MAX_CHARS, OFFICE_TIMEOUT_MS, SHEET_COLUMNS_MAX, SHEET_ROWS_MAX, SHEETS_MAX, SHEETS_MAX_CHARS } from './limits';
import { checkOfficeArchive, withTimeout } from './office-archive';
import { unavailable, type Preview, type PreviewSheet } from './types';

// Workbooks as tables of display text: the visible sheets, their first rows and columns. Cells
// are read like the task import reads them (formulas as their cached result, rich text and
// links as text); nothing in a cell is ever evaluated or rendered as markup.

const pad = (n: number) => String(n).padStart(2, '0');

// Spreadsheet dates carry no time zone and are read as UTC. A time alone is a day-0 date (1899-12-30).
function dateText(date: Date): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${date.getUTCSeconds() ? `:${pad(date.getUTCSeconds())}` : ''}`;
  if (date.getUTCFullYear() < 1900) return time;
  return time === '00:00' ? isoDay(date) : `${isoDay(date)} ${time}`;
}

// Excel shows at most 15 significant digits (0.1 + 0.2 is 0.3); a percentage format shows %.
function numberText(value: number, format: string | undefined): string {
  const percent = Boolean(format?.includes('%'));
  const shown = Number((percent ? value * 100 : value).toPrecision(15));
  return `${shown}${percent ? '%' : ''}`;
}

function cellDisplay(cell: Cell): string {
  // A merged range shows its value once, in its top-left cell.
  if (cell.isMerged && cell.master !== cell) return '';
  const value = readCell(cell.value);
  if (value === undefined) return '';
  if (isCellProblem(value)) return value.problem === 'cellError' ? (value.value ?? '#VALUE!') : cell.formula ? `=${cell.formula}` : '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') return numberText(value, cell.numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

const clip = (text: string) => (text.length > CELL_MAX_CHARS ? `${text.slice(0, CELL_MAX_CHARS)}…` : text);

/** Drops the empty rows and columns at the bottom and right of what is shown. */
function trimEmpty(rows: string[][]): string[][] {
  let lastRow = rows.length;
  while (lastRow > 0 && rows[lastRow - 1]!.every((text) => text === '')) lastRow--;
  const kept = rows.slice(0, lastRow);
  const width = Math.max(0, ...kept.map((row) => row.findLastIndex((text) => text !== '') + 1));
  return kept.map((row) => row.slice(0, width));
}

function readSheet(sheet: Worksheet, budget: { chars: number }): PreviewSheet {
  const rowCount = sheet.rowCount;
  const columns = Math.min(sheet.columnCount, SHEET_COLUMNS_MAX);
  const rows: string[][] = [];
  let truncatedRows = rowCount > SHEET_ROWS_MAX;
  for (let rowNumber = 1; rowNumber <= Math.min(rowCount, SHEET_ROWS_MAX); rowNumber++) {
    if (budget.chars <= 0) {
      truncatedRows = true;
      break;
    }
    const row = sheet.findRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= columns; column++) {
      const text = row ? clip(cellDisplay(row.getCell(column))) : '';
      budget.chars -= text.length;
      cells.push(text);
    }
    rows.push(cells);
  }
  return { name: sheet.name, rows: trimEmpty(rows), truncatedRows, truncatedColumns: sheet.columnCount > SHEET_COLUMNS_MAX };
}

async function readWorkbook(bytes: Uint8Array): Promise<Preview> {
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    // exceljs reads any zip, finding no sheets in one that is not a workbook; Excel saves at least one.
    if (workbook.worksheets.length === 0) return unavailable('corrupt');
    // What Excel hides is not shown either; the download still has it.
    const visible = workbook.worksheets.filter((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden');
    const budget = { chars: SHEETS_MAX_CHARS };
    const sheets = visible.slice(0, SHEETS_MAX).map((sheet) => readSheet(sheet, budget));
    return { type: 'sheets', sheets, truncatedSheets: visible.length > SHEETS_MAX };
  } catch {
    return unavailable('corrupt');
  }
}

/**
 * An .xlsx as tables of text (SHEETS_MAX sheets of SHEET_ROWS_MAX × SHEET_COLUMNS_MAX at most);
 * refused before opening when too large, corrupt when exceljs cannot read it.
 */
export async function renderXlsx(bytes: Uint8Array): Promise<Preview> {
  const open = async () => {
    const problem = await checkOfficeArchive(bytes);
    return problem ? unavailable(problem) : readWorkbook(bytes);
  };
  return withTimeout(open(), OFFICE_TIMEOUT_MS, unavailable('tooLarge'));
}
