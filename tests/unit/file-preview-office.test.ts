import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPreview, type Preview, type PreviewSheet } from '@/lib/files/preview';
import { DOCX_HTML_MAX_CHARS, OFFICE_MAX_BYTES, SHEET_COLUMNS_MAX, SHEET_ROWS_MAX, SHEETS_MAX } from '@/lib/files/preview/limits';
import { withTimeout } from '@/lib/files/preview/office-archive';
import { buildDocx, buildWorkbook, declareEntrySizes, PNG } from '../support/file-fixtures';
import { expectInert } from './html-checks';

const docx = (bytes: Uint8Array) => renderPreview({ kind: 'docx', bytes, name: '计划.docx' });
const xlsx = (bytes: Uint8Array) => renderPreview({ kind: 'xlsx', bytes, name: '数据.xlsx' });
const html = (preview: Preview) => (preview as Extract<Preview, { type: 'html' }>).html;
const sheets = (preview: Preview) => (preview as Extract<Preview, { type: 'sheets' }>).sheets;

const docxBytes = buildDocx();
const workbookBytes = buildWorkbook();

// Deterministic bytes that are no format at all.
const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);

afterEach(() => vi.restoreAllMocks());

describe('Word previews', () => {
  it('converts headings, Chinese text, tables and links to HTML', async () => {
    const preview = await docx(await docxBytes);
    expect(preview).toMatchObject({ type: 'html', truncated: false });
    const out = html(preview);
    expect(out).toContain('<h1>项目计划</h1>');
    expect(out).toContain('<p>这是一个中文段落，用于预览。</p>');
    expect(out).toMatch(/<table>.*<td><p>需求评审<\/p><\/td><td><p>张三<\/p><\/td>.*<\/table>/);
    expect(out).toContain('<a href="https://example.cn/plan?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow">官网</a>');
  });

  it('leaves nothing active: no javascript: link, script, handler or SVG', async () => {
    const out = html(await docx(await docxBytes));
    expect(out).toContain('<a>点我</a>');
    expect(out).not.toContain('javascript:');
    expectInert(out, ['h1', 'p', 'table', 'tr', 'td', 'a', 'img']);
    // Text that looks like markup is text.
    expect(out).toContain('&lt;script&gt;alert(3)&lt;/script&gt;&lt;img src=x onerror=alert(4)&gt;');
  });

  it('inlines raster pictures typed by their bytes and drops one that is not raster, whatever they are declared as', async () => {
    const out = html(await docx(await docxBytes));
    const images = [...out.matchAll(/<img [^>]*>/g)].map(([tag]) => tag);
    expect(images).toHaveLength(2);
    expect(images[0]).toMatch(/src="data:image\/png;base64,iVBORw0KGgo[^"]*"/);
    expect(images[0]).toContain('alt="示意图"');
    // Declared image/png, but the bytes are a GIF.
    expect(images[1]).toMatch(/src="data:image\/gif;base64,R0lGOD/);
    expect(out).not.toContain('伪装的图');
  });

  it('never reads a picture the document links to outside itself', async () => {
    const path = join(tmpdir(), `xiezuo-preview-${process.pid}.png`);
    await writeFile(path, PNG);
    try {
      const out = html(await docx(await buildDocx({ linkedPicture: pathToFileURL(path).href })));
      expect(out.match(/<img /g)).toHaveLength(2);
      expect(out).not.toContain('外部图');
    } finally {
      await rm(path, { force: true });
    }
  });

  it('cuts a long document between tags after DOCX_HTML_MAX_CHARS', async () => {
    const preview = await docx(await buildDocx({ filler: Math.ceil(DOCX_HTML_MAX_CHARS / 1000) + 100 }));
    expect(preview).toMatchObject({ type: 'html', truncated: true });
    const out = html(preview);
    expect(out.length).toBeLessThanOrEqual(DOCX_HTML_MAX_CHARS + 10_000);
    expect(out).toContain('<h1>项目计划</h1>');
    expect(out).toMatch(/<\/p>$/);
  });
});

describe('workbook previews', () => {
  it('shows the visible sheets as text: dates, Chinese, cached formula results', async () => {
    const preview = await xlsx(await workbookBytes);
    expect(preview).toMatchObject({ type: 'sheets', truncatedSheets: false });
    const [sales, notes, ...rest] = sheets(preview);
    expect(rest).toEqual([]);
    expect(sales!.name).toBe('销售数据');
    expect(sales!.rows[0]).toEqual(['日期', '产品', '数量', '单价', '金额']);
    expect(sales!.rows[1]).toEqual(['2026-03-15', '笔记本电脑', '2', '17500', '35000']);
    expect(notes!.name).toBe('说明');
  });

  it('cuts a long sheet after SHEET_ROWS_MAX rows and a wide one after SHEET_COLUMNS_MAX columns', async () => {
    const [sales] = sheets(await xlsx(await workbookBytes)) as [PreviewSheet];
    expect(sales.rows).toHaveLength(SHEET_ROWS_MAX);
    expect(sales.truncatedRows).toBe(true);
    // The cell in column 55 is past the limit, so the shown columns end at the last one with text.
    expect(sales.truncatedColumns).toBe(true);
    expect(sales.rows.every((row) => row.length === 5)).toBe(true);
    expect(5).toBeLessThan(SHEET_COLUMNS_MAX);
  });

  it('reads rich text, links, errors, booleans, numbers, percentages and formulas without a result', async () => {
    const [, notes] = sheets(await xlsx(await workbookBytes)) as [PreviewSheet, PreviewSheet];
    expect(notes.rows).toEqual([
      ['富文本', '加粗普通'],
      ['链接', '公司主页'],
      ['错误', '#N/A'],
      ['布尔', 'TRUE'],
      ['小数', '0.3'],
      ['比例', '25%'],
      ['无结果公式', '=SUM(A1:A2)'],
      // Plain text for the page to escape, never markup.
      ['标记', '<script>alert(1)</script>'],
      ['合并', '左上'],
    ]);
    expect(notes).toMatchObject({ truncatedRows: false, truncatedColumns: false });
  });

  it('shows at most SHEETS_MAX sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    for (let i = 1; i <= SHEETS_MAX + 1; i++) workbook.addWorksheet(`第${i}页`).addRow([i]);
    const preview = await xlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(preview).toMatchObject({ type: 'sheets', truncatedSheets: true });
    expect(sheets(preview).map((sheet) => sheet.name).at(-1)).toBe(`第${SHEETS_MAX}页`);
    expect(sheets(preview)).toHaveLength(SHEETS_MAX);
  });
});

describe('broken and hostile Office files', () => {
  it('calls random bytes, a cut-off archive and the wrong kind of archive corrupt', async () => {
    const real = await docxBytes;
    const notOffice = await new JSZip().file('a.txt', 'hello').generateAsync({ type: 'uint8array' });
    for (const render of [docx, xlsx]) {
      expect(await render(noise)).toEqual({ type: 'unavailable', reason: 'corrupt' });
      expect(await render(real.subarray(0, Math.floor(real.length / 2)))).toEqual({ type: 'unavailable', reason: 'corrupt' });
      expect(await render(notOffice)).toEqual({ type: 'unavailable', reason: 'corrupt' });
      expect(await render(new Uint8Array())).toEqual({ type: 'unavailable', reason: 'corrupt' });
    }
    expect(await xlsx(real)).toEqual({ type: 'unavailable', reason: 'corrupt' });
    expect(await docx(await workbookBytes)).toEqual({ type: 'unavailable', reason: 'corrupt' });
  });

  it('calls a readable archive with a broken document inside corrupt', async () => {
    const zip = await JSZip.loadAsync(await docxBytes);
    zip.file('word/document.xml', '<w:document><w:body><w:p>');
    expect(await docx(await zip.generateAsync({ type: 'uint8array' }))).toEqual({ type: 'unavailable', reason: 'corrupt' });
  });

  it('refuses a zip bomb from its declared size, without unpacking it', async () => {
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    const bomb = declareEntrySizes(await docxBytes, 300 * 1024 * 1024);
    expect(await docx(bomb)).toEqual({ type: 'unavailable', reason: 'tooLarge' });
    expect(await xlsx(declareEntrySizes(await workbookBytes, 300 * 1024 * 1024))).toEqual({ type: 'unavailable', reason: 'tooLarge' });
    expect(convert).not.toHaveBeenCalled();
  });

  it('refuses an archive that inflates past the size it declares, before a parser sees it', async () => {
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    const zip = await JSZip.loadAsync(await docxBytes);
    zip.file('word/media/zeros.bin', new Uint8Array(8 * 1024 * 1024));
    const lying = declareEntrySizes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 1000);
    expect(lying.length).toBeLessThan(100_000);
    expect(await docx(lying)).toEqual({ type: 'unavailable', reason: 'corrupt' });
    expect(convert).not.toHaveBeenCalled();
  });

  it('refuses an input over OFFICE_MAX_BYTES without reading it', async () => {
    const huge = new Uint8Array(OFFICE_MAX_BYTES + 1);
    expect(await docx(huge)).toEqual({ type: 'unavailable', reason: 'tooLarge' });
    expect(await xlsx(huge)).toEqual({ type: 'unavailable', reason: 'tooLarge' });
  });

  it('gives up waiting for work that takes too long', async () => {
    expect(await withTimeout(new Promise<string>(() => {}), 10, 'late')).toBe('late');
    expect(await withTimeout(Promise.resolve('done'), 1000, 'late')).toBe('done');
  });
});
