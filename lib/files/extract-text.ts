import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { cellText, isCellProblem, readCell } from '@/lib/sheets/cells';
import { OFFICE_TIMEOUT_MS } from './preview/limits';
import { checkOfficeArchive, withTimeout } from './preview/office-archive';
import { decodeText } from './preview/text-encoding';
import type { PreviewKind } from './rules';
import { getFileStorage } from './storage';

// The text of an uploaded file, for global search: Word, Excel and PDF documents and anything
// textual. Uploads are anyone's bytes, so every step is bounded (bytes read, pages, characters,
// time) and a file no parser can read simply has no text.

/** Bytes of a file read for its text; a larger Office or PDF file is not opened (a cut one cannot be). */
export const EXTRACT_MAX_BYTES = 20 * 1024 * 1024;
/** Characters of text kept per version: enough to find a document by what it says. */
export const EXTRACT_MAX_CHARS = 200_000;
const PDF_MAX_PAGES = 200;

const clip = (text: string) => text.slice(0, EXTRACT_MAX_CHARS);

async function docxText(bytes: Uint8Array): Promise<string | null> {
  if (await checkOfficeArchive(bytes)) return null;
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  return value;
}

async function xlsxText(bytes: Uint8Array): Promise<string | null> {
  if (await checkOfficeArchive(bytes)) return null;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const lines: string[] = [];
  let length = 0;
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      if (length > EXTRACT_MAX_CHARS) return;
      const cells: string[] = [];
      row.eachCell((cell) => {
        const value = readCell(cell.value);
        if (value !== undefined && !isCellProblem(value)) cells.push(cellText(value));
      });
      const line = cells.filter(Boolean).join('\t');
      length += line.length + 1;
      if (line) lines.push(line);
    });
  }
  return lines.join('\n');
}

async function pdfText(bytes: Uint8Array): Promise<string | null> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(document.numPages, PDF_MAX_PAGES) && length < EXTRACT_MAX_CHARS; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      length += text.length;
      pages.push(text);
    }
    return pages.join('\n');
  } finally {
    await document.destroy();
  }
}

/** The text of a file's bytes by its sniffed kind; null for kinds without text and for files that cannot be read. */
export async function extractText(bytes: Uint8Array, kind: PreviewKind): Promise<string | null> {
  const read = async (): Promise<string | null> => {
    switch (kind) {
      case 'text':
      case 'markdown':
      case 'code':
        return decodeText(bytes, EXTRACT_MAX_CHARS * 4).text;
      case 'docx':
        return bytes.byteLength > EXTRACT_MAX_BYTES ? null : docxText(bytes);
      case 'xlsx':
        return bytes.byteLength > EXTRACT_MAX_BYTES ? null : xlsxText(bytes);
      case 'pdf':
        return bytes.byteLength > EXTRACT_MAX_BYTES ? null : pdfText(bytes);
      default:
        return null;
    }
  };
  try {
    const text = await withTimeout(read(), OFFICE_TIMEOUT_MS, null);
    return text === null ? null : clip(text.replace(/\u0000/g, ''));
  } catch {
    return null;
  }
}

const EXTRACTABLE = new Set<PreviewKind>(['text', 'markdown', 'code', 'docx', 'xlsx', 'pdf']);

/** The text of stored bytes (at most EXTRACT_MAX_BYTES of them are read); null when there is none. */
export async function extractStoredText(storageKey: string, kind: PreviewKind, size: number): Promise<string | null> {
  if (size <= 0 || !EXTRACTABLE.has(kind) || (kind !== 'text' && kind !== 'markdown' && kind !== 'code' && size > EXTRACT_MAX_BYTES)) return null;
  try {
    const opened = await getFileStorage().openRead(storageKey, { start: 0, end: Math.min(size, EXTRACT_MAX_BYTES) - 1 });
    if (!opened) return null;
    return extractText(new Uint8Array(await new Response(opened.body).arrayBuffer()), kind);
  } catch {
    return null;
  }
}
