// Characters Windows and macOS refuse in file names.
const unsafeInFileName = /[\\/:*?"<>|\u0000-\u001f]/g;

/** `<format>-<space>-<date>.xlsx`, e.g. 跨部门任务表-新品上市-2026-12-01.xlsx, safe on every desktop. */
export function sheetFileName(format: string, spaceName: string, today: string): string {
  return `${format}-${spaceName.replace(unsafeInFileName, '_').trim()}-${today}.xlsx`;
}
