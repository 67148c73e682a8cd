import ExcelJS from 'exceljs';

// Builds .xlsx files the way people make them by hand: any headers in any order, a title row,
// formulas, typed dates. Used by the unit and integration tests and the import benchmark.

export type BuiltCell = string | number | boolean | Date | null | { formula: string; result?: string | number };

export interface BuiltSheet {
  headers: string[];
  rows: Record<string, BuiltCell>[];
  /** Rows written above the header, e.g. a title. */
  above?: BuiltCell[][];
  sheetName?: string;
}

export async function buildSheet({ headers, rows, above = [], sheetName = '跨部门任务表' }: BuiltSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const cells of above) sheet.addRow(cells);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Changes cells of an existing workbook's first sheet: `edits` maps A1-style addresses to new values. */
export async function editSheet(bytes: Uint8Array, edits: Record<string, BuiltCell>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0]!;
  for (const [address, value] of Object.entries(edits)) sheet.getCell(address).value = value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads the first sheet back as rows of values (row 1 = headers), for checking what was written. */
export async function sheetValues(bytes: Uint8Array): Promise<{ name: string; rows: unknown[][]; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows, workbook };
}

export const TASK_SHEET_HEADERS = ['编号', '任务名称', '负责人', '协助人', '所属部门', '优先级', '截止时间', '状态', '交付成果', '备注', '开始时间', '交付标准'];

/**
 * `count` new tasks (no 编号), spread over the given people and a year of dates, as a planning
 * team would paste them in: the generator of the 5,000-row import measurement.
 */
export function generateTaskRows(count: number, people: readonly string[], department: string): Record<string, BuiltCell>[] {
  const priorities = ['高', '中', '低'];
  const statuses = ['待开始', '进行中', '已完成'];
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2027, 0, 1 + (i % 300)));
    const due = new Date(start.getTime() + ((i % 20) + 1) * 86_400_000);
    return {
      任务名称: `批量任务 ${i + 1}：整理第 ${(i % 50) + 1} 批渠道资料`,
      负责人: people[i % people.length]!,
      协助人: people.length > 1 ? people[(i + 1) % people.length]! : null,
      所属部门: department,
      优先级: priorities[i % 3]!,
      截止时间: due,
      状态: statuses[i % 3]!,
      交付成果: `渠道资料汇总表 v${i % 7}`,
      备注: i % 5 === 0 ? '需与市场部确认口径' : null,
      开始时间: start,
      交付标准: i % 4 === 0 ? '覆盖全部重点渠道\n数据来源可追溯' : null,
    };
  });
}
