import type { CellValue } from 'exceljs';

/** A cell's value that can be trusted: text, a number, a boolean or a date. */
export type PlainCell = string | number | boolean | Date;

/** Why a cell has no value that can be trusted. */
export interface CellProblem {
  problem: 'formulaWithoutResult' | 'cellError';
  /** The error Excel shows, e.g. #REF!. */
  value?: string;
}

export type SheetCell = PlainCell | CellProblem;

export const isCellProblem = (cell: SheetCell | undefined): cell is CellProblem =>
  typeof cell === 'object' && cell !== null && !(cell instanceof Date);

const richText = (parts: { text: string }[]) => parts.map((part) => part.text).join('');

/**
 * What a cell holds, as the import reads it: formatting is dropped (rich text and links become
 * their text, HTML stays text), a formula counts as its cached result, and a formula without
 * one, or an error value, is a problem to report rather than a guess. Undefined means empty.
 */
export function readCell(value: CellValue): SheetCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const { result } = value;
    if (result === undefined || result === null) return { problem: 'formulaWithoutResult' };
    if (typeof result === 'object' && !(result instanceof Date)) return { problem: 'cellError', value: result.error };
    return result;
  }
  if ('richText' in value) return richText(value.richText);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : richText((value.text as { richText: { text: string }[] }).richText);
  if ('error' in value) return { problem: 'cellError', value: value.error };
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell's calendar day. Spreadsheet dates carry no time zone: they are read as UTC days. */
export const isoDay = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** A calendar day as the Date that spreadsheets store for it (midnight UTC). */
export const dayAsDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The text of a cell, trimmed; numbers and dates as people read them. */
export function cellText(cell: PlainCell | undefined): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) return isoDay(cell);
  return String(cell).trim();
}

// Excel's day 0 is 1899-12-30 (it counts 1900 as a leap year); the last day it shows is 9999-12-31.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_LAST_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;
const WRITTEN_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/**
 * A date cell as YYYY-MM-DD: a real date, an Excel day number, or text such as 2026-12-31,
 * 2026/12/31 or 2026年12月31日. Text that is not a date comes back as written, so the schema
 * reports it; an impossible day (2026-02-30) is left for the schema too.
 */
export function cellDate(cell: PlainCell | undefined): string | undefined {
  if (cell === undefined) return undefined;
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'number') {
    return cell >= 1 && cell <= EXCEL_LAST_SERIAL ? isoDay(new Date(EXCEL_EPOCH + Math.floor(cell) * DAY_MS)) : String(cell);
  }
  const text = String(cell).trim().normalize('NFKC');
  if (!text) return undefined;
  const match = WRITTEN_DATE.exec(text);
  return match ? `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}` : text;
}

/** A positive whole number as written by an export (12) or by hand (#12, 12.0); null when it is not one. */
export function cellPositiveInteger(cell: PlainCell | undefined): number | null | undefined {
  if (cell === undefined) return undefined;
  const text = cellText(cell).replace(/^#/, '');
  if (!text) return undefined;
  const number = Number(text);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}
