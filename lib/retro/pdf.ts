import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { RetroDocument } from './document';

// The retrospective as a PDF. PDF's built-in fonts have no Chinese, so a CJK font from the system
// is embedded (subset to the characters used); without one there is no PDF rather than boxes.

export interface CjkFont {
  regular: { file: string; name: string };
  bold: { file: string; name: string };
}

const KNOWN_FONTS = [
  { regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc' },
  { regular: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc' },
  { regular: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc' },
];
// The Simplified Chinese face inside the Noto Sans CJK collection.
const REGULAR_FACE = 'NotoSansCJKsc-Regular';
const BOLD_FACE = 'NotoSansCJKsc-Bold';

function askFontconfig(): string | null {
  try {
    const file = execFileSync('fc-match', ['-f', '%{file}', 'Noto Sans CJK SC'], { encoding: 'utf8', timeout: 3000 }).trim();
    return /NotoSansCJK.*\.tt[cf]$/i.test(file) && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

let found: CjkFont | null | undefined;

/** Noto Sans CJK from the usual places or fontconfig, looked up once; null when the system has none. */
export function findCjkFont(): CjkFont | null {
  if (found !== undefined) return found;
  const known = KNOWN_FONTS.find((f) => existsSync(f.regular));
  const regular = known?.regular ?? askFontconfig();
  const bold = known && existsSync(known.bold) ? known.bold : regular;
  found = regular ? { regular: { file: regular, name: REGULAR_FACE }, bold: { file: bold!, name: bold === regular ? REGULAR_FACE : BOLD_FACE } } : null;
  return found;
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}

export async function retroToPdf(document: RetroDocument, font: CjkFont): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: document.title }, autoFirstPage: true });
  const done = collect(doc);
  doc.registerFont('body', font.regular.file, font.regular.name);
  doc.registerFont('bold', font.bold.file, font.bold.name);
  const width = doc.page.width - 112;
  doc.font('bold').fontSize(18).text(document.title, { align: 'center' }).moveDown();
  for (const [label, value] of document.meta) {
    doc.font('bold').fontSize(10).text(`${label}：`, { continued: true }).font('body').text(value);
  }
  for (const section of document.sections) {
    doc.moveDown().font('bold').fontSize(13).text(section.heading).moveDown(0.3);
    doc.font('body').fontSize(10);
    for (const paragraph of section.paragraphs ?? []) doc.text(`• ${paragraph}`, { width });
    if (section.table) {
      const { header, rows } = section.table;
      if (header.some(Boolean)) doc.font('bold').text(header.join('  |  '), { width }).font('body');
      for (const row of rows) doc.text(row.filter((cell, i) => cell || i === 0).join('  |  '), { width });
    }
    if (section.note) doc.moveDown(0.3).fillColor('#475569').fontSize(9).text(section.note, { width }).fillColor('black');
  }
  doc.end();
  return done;
}
