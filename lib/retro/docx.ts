import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { RetroDocument } from './document';

// The retrospective as a Word document, laid out like the meeting minutes' .docx.

const cell = (text: string, bold = false) => new TableCell({
  children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
});

export async function retroToDocx(document: RetroDocument): Promise<Uint8Array> {
  const full = { size: 100, type: WidthType.PERCENTAGE };
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(document.title)] }),
    new Table({ width: full, rows: document.meta.map(([label, value]) => new TableRow({ children: [cell(label, true), cell(value)] })) }),
  ];
  for (const section of document.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
    for (const text of section.paragraphs ?? []) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] }));
    if (section.table) {
      const { header, rows } = section.table;
      const all = header.some(Boolean) ? [header, ...rows] : rows;
      children.push(new Table({ width: full, rows: all.map((row, i) => new TableRow({ children: row.map((text) => cell(text, i === 0 && header.some(Boolean))) })) }));
    }
    if (section.note) children.push(new Paragraph({ children: [new TextRun({ text: section.note, italics: true, size: 18 })] }));
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
