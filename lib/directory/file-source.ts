import { parse } from 'csv-parse/sync';
import { Invalid } from '@/lib/errors';
import { decodeText } from '@/lib/files/preview/text-encoding';
import { cellText, isCellProblem } from '@/lib/sheets/cells';
import { columnForHeader, type SheetLayout } from '@/lib/sheets/columns';
import { SHEET_MAX_BYTES } from '@/lib/sheets/limits';
import { readSheet, writeSheet } from '@/lib/sheets/workbook';
import type { DirectoryDepartment, DirectoryPerson, DirectoryReader, DirectorySnapshot, SkippedRecord } from './snapshot';

// The 'file' source: a CSV or .xlsx staff list (花名册) an admin uploads. Departments come from the
// 部门 paths (产品部/移动组), each path its own external id; a person's id is their 工号, else their email.

type FileColumn = 'employeeId' | 'name' | 'email' | 'phone' | 'title' | 'department' | 'status';

/** One upload holds at most this many people. */
export const DIRECTORY_FILE_MAX_ROWS = 10_000;

export const DIRECTORY_FILE_LAYOUT: SheetLayout<FileColumn> = {
  name: '通讯录',
  maxRows: DIRECTORY_FILE_MAX_ROWS,
  columns: [
    { key: 'employeeId', header: '工号', aliases: ['员工编号', '员工工号', 'employeeId', 'EmployeeID', 'employee_id', 'EmployeeNumber'], kind: 'text', width: 12 },
    { key: 'name', header: '姓名', aliases: ['name', 'Name', '名字'], kind: 'text', required: true, width: 14 },
    { key: 'email', header: '邮箱', aliases: ['email', 'Email', 'E-mail', '电子邮箱', '邮件'], kind: 'text', required: true, width: 28 },
    { key: 'phone', header: '手机', aliases: ['phone', 'Phone', 'mobile', 'Mobile', '手机号', '电话'], kind: 'text', width: 16 },
    { key: 'title', header: '职位', aliases: ['title', 'Title', '岗位', '职务'], kind: 'text', width: 16 },
    { key: 'department', header: '部门', aliases: ['department', 'Department', '所属部门'], kind: 'text', width: 24 },
    { key: 'status', header: '状态', aliases: ['status', 'Status', '在职状态'], kind: 'text', width: 10, choices: ['在职', '离职'] },
  ],
};

const ACTIVE = ['在职', '正常', '启用', 'active', 'yes', '1', 'true'];
const INACTIVE = ['离职', '停用', '禁用', 'inactive', 'disabled', 'left', 'no', '0', 'false'];

const refused = (key: string) => Invalid({ file: [key] });

type Row = { row: number; cells: Partial<Record<FileColumn, string>> };

/** The CSV's rows by column, after its header row; UTF-8 with or without BOM, or GBK/GB18030. */
function csvRows(bytes: Uint8Array): { columns: Set<FileColumn>; rows: Row[] } {
  const { text } = decodeText(bytes, bytes.byteLength);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch {
    throw refused('directory.problems.csvUnreadable');
  }
  const [header, ...body] = records;
  if (!header) throw refused('directory.problems.missingColumns');
  const columnAt = new Map<number, FileColumn>();
  header.forEach((text, index) => {
    const column = columnForHeader(DIRECTORY_FILE_LAYOUT, text);
    if (column && ![...columnAt.values()].includes(column.key)) columnAt.set(index, column.key);
  });
  if (body.length > DIRECTORY_FILE_MAX_ROWS) throw refused('sheets.problems.sheetTooManyRows');
  const rows = body.map((record, index): Row => {
    const cells: Row['cells'] = {};
    for (const [at, key] of columnAt) if (record[at]?.trim()) cells[key] = record[at]!.trim();
    // Row numbers as a spreadsheet shows them: the header is row 1.
    return { row: index + 2, cells };
  }).filter((r) => Object.keys(r.cells).length);
  return { columns: new Set(columnAt.values()), rows };
}

async function xlsxRows(bytes: Uint8Array): Promise<{ columns: Set<FileColumn>; rows: Row[] }> {
  const sheet = await readSheet(bytes, DIRECTORY_FILE_LAYOUT);
  const rows = sheet.rows.map(({ row, cells }): Row => {
    const texts: Row['cells'] = {};
    for (const [key, cell] of Object.entries(cells) as [FileColumn, (typeof cells)[FileColumn]][]) {
      if (cell !== undefined && !isCellProblem(cell)) texts[key] = cellText(cell);
    }
    return { row, cells: texts };
  });
  return { columns: new Set(sheet.columns), rows };
}

/** 产品部/移动组 → ['产品部', '移动组'] (full-width slashes and stray spaces allowed). */
const departmentPath = (text: string) => text.split(/[/／]/).map((s) => s.trim()).filter(Boolean);

/** Turns the rows into a snapshot; rows that name nobody are skipped with their row number. */
function snapshotFromRows(rows: Row[], columns: ReadonlySet<FileColumn>): DirectorySnapshot {
  const departments = new Map<string, DirectoryDepartment>();
  const people: DirectoryPerson[] = [];
  const skipped: SkippedRecord[] = [];
  for (const { row, cells } of rows) {
    const label = `第 ${row} 行${cells.name ? ` ${cells.name}` : ''}`;
    const email = cells.email?.toLowerCase() ?? null;
    const externalId = cells.employeeId ?? email;
    if (!externalId) { skipped.push({ record: label, reason: 'noEmployeeIdOrEmail' }); continue; }
    const status = cells.status?.toLowerCase();
    if (status && !ACTIVE.includes(status) && !INACTIVE.includes(status)) { skipped.push({ record: label, reason: 'statusUnknown', externalId }); continue; }
    let departmentExternalId: string | null = null;
    for (const segment of departmentPath(cells.department ?? '')) {
      const id: string = departmentExternalId ? `${departmentExternalId}/${segment}` : segment;
      if (!departments.has(id)) departments.set(id, { externalId: id, name: segment, parentExternalId: departmentExternalId });
      departmentExternalId = id;
    }
    people.push({
      externalId, name: cells.name ?? '', email, phone: cells.phone ?? null, title: cells.title ?? null,
      employeeId: cells.employeeId ?? null, departmentExternalId, active: !status || ACTIVE.includes(status),
    });
  }
  // A column the file lacks says nothing about those values (an empty cell of a column it has clears one).
  const optional = { phone: 'phone', title: 'title', employeeId: 'employeeId', department: 'departmentExternalId' } as const;
  const missingFields = (Object.keys(optional) as (keyof typeof optional)[]).filter((c) => !columns.has(c)).map((c) => optional[c]);
  return { source: 'file', departments: [...departments.values()], people, skipped, ...(missingFields.length ? { missingFields } : {}) };
}

/** Reads an uploaded CSV or .xlsx; refuses (422 on `file`) other types, oversized files and missing columns. */
export async function readDirectoryFile(bytes: Uint8Array, fileName: string): Promise<DirectorySnapshot> {
  if (bytes.byteLength > SHEET_MAX_BYTES) throw refused('sheets.problems.sheetTooLarge');
  if (!bytes.byteLength) throw refused('directory.problems.emptyFile');
  const kind = fileName.toLowerCase().match(/\.(csv|xlsx)$/)?.[1];
  if (!kind) throw refused('directory.problems.unsupportedFile');
  const { columns, rows } = kind === 'csv' ? csvRows(bytes) : await xlsxRows(bytes);
  if (!columns.has('name') || (!columns.has('email') && !columns.has('employeeId'))) throw refused('directory.problems.missingColumns');
  return snapshotFromRows(rows, columns);
}

/** The file source as a reader (the upload is read once, when the run reads it). */
export function fileReader(bytes: Uint8Array, fileName: string): DirectoryReader {
  return { source: 'file', read: () => readDirectoryFile(bytes, fileName) };
}

const TEMPLATE_ROWS = [
  { employeeId: 'A0001', name: '张三', email: 'zhangsan@example.com', phone: '13800000001', title: '产品经理', department: '产品部/移动组', status: '在职' },
  { employeeId: 'A0002', name: '李四', email: 'lisi@example.com', phone: '', title: '工程师', department: '研发部', status: '离职' },
];

/** The template admins download, as .xlsx or as CSV (UTF-8 with BOM, so Excel opens the Chinese right). */
export async function directoryTemplate(kind: 'csv' | 'xlsx'): Promise<Buffer> {
  if (kind === 'xlsx') return writeSheet(DIRECTORY_FILE_LAYOUT, TEMPLATE_ROWS);
  const keys = DIRECTORY_FILE_LAYOUT.columns.map((c) => c.key);
  const lines = [DIRECTORY_FILE_LAYOUT.columns.map((c) => c.header), ...TEMPLATE_ROWS.map((r) => keys.map((k) => r[k]))];
  return Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');
}
