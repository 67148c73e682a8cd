import type { Row } from 'exceljs';
import { dayAsDate } from '@/lib/sheets/cells';
import { fromLabel, type SheetLayout } from '@/lib/sheets/columns';
import { readSheet, writeSheet, type ReadSheet } from '@/lib/sheets/workbook';
import { PROGRESS_SHEET_MAX_ROWS, type RiskLevel } from './rules';

// The 项目进度表 as a file people exchange: like the 跨部门任务表, its headers and labels are the
// format's, the same in every interface language, because importing matches on them.

export type ProgressSheetColumnKey = 'phase' | 'name' | 'plannedDate' | 'actualDate' | 'owner' | 'delayReason' | 'risk';

export const RISK_LABELS: Record<RiskLevel, string> = { green: '绿色', yellow: '黄色', red: '红色' };
// 绿 / 黄 / 红 alone are common in hand-made sheets.
const RISK_SPELLINGS: Record<RiskLevel, readonly string[]> = { green: ['绿色', '绿'], yellow: ['黄色', '黄'], red: ['红色', '红'] };
// The chips' colours on the 进度表 page, as cell fills.
const RISK_FILLS: Record<RiskLevel, string> = { green: 'FFDCFCE7', yellow: 'FFFEF9C3', red: 'FFFEE2E2' };

/** The seven columns of the 项目进度跟踪表 template, in its order. */
export const PROGRESS_SHEET: SheetLayout<ProgressSheetColumnKey> = {
  name: '项目进度表',
  maxRows: PROGRESS_SHEET_MAX_ROWS,
  columns: [
    { key: 'phase', header: '阶段', kind: 'text', width: 16 },
    { key: 'name', header: '关键节点', kind: 'text', required: true, width: 30, wrap: true },
    { key: 'plannedDate', header: '计划完成时间', aliases: ['计划完成日期', '计划时间', '计划日期'], kind: 'date', required: true, width: 14 },
    { key: 'actualDate', header: '实际完成时间', aliases: ['实际完成日期', '实际时间', '实际日期'], kind: 'date', width: 14 },
    { key: 'owner', header: '负责人', kind: 'text', width: 12 },
    { key: 'delayReason', header: '延期原因', kind: 'text', width: 30, wrap: true },
    { key: 'risk', header: '风险预警', aliases: ['风险'], kind: 'text', width: 10, choices: Object.values(RISK_LABELS) },
  ],
};

/** One row of the progress table as the sheet shows it. */
export interface ProgressSheetRow {
  phase: string;
  name: string;
  plannedDate: string;
  actualDate: string | null;
  owner: string | null;
  delayReason: string | null;
  /** The risk shown: the override, else the computed one. */
  risk: RiskLevel;
}

/** 绿色/黄色/红色 (or 绿/黄/红, green/yellow/red) as the stored level; anything else as written. */
export const riskFromLabel = (text: string) => fromLabel(RISK_SPELLINGS, text);

export type ReadProgressSheet = ReadSheet<ProgressSheetColumnKey>;

/** Writes the 项目进度表 workbook; each 风险预警 cell is filled with its colour. */
export async function writeProgressSheet(rows: readonly ProgressSheetRow[]): Promise<Buffer> {
  const colourRisk = (row: Row, index: number) => {
    row.getCell('risk').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RISK_FILLS[rows[index]!.risk] } };
  };
  return writeSheet(PROGRESS_SHEET, rows.map((row) => ({
    ...row,
    phase: row.phase || null,
    plannedDate: dayAsDate(row.plannedDate),
    actualDate: row.actualDate ? dayAsDate(row.actualDate) : null,
    delayReason: row.delayReason || null,
    risk: RISK_LABELS[row.risk],
  })), colourRisk);
}

/** Reads an uploaded 项目进度表 into raw rows (see readSheet). */
export const readProgressSheet = (bytes: Uint8Array): Promise<ReadProgressSheet> => readSheet(bytes, PROGRESS_SHEET);
