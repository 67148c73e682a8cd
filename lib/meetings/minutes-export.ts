import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { MinutesTable } from './minutes-table';

// The minutes table as files people pass around: .xlsx (the template's layout: field | content,
// then the action items) and .docx (the same as a Word document).

export async function minutesToXlsx(table: MinutesTable, actionItemsLabel: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'));
  sheet.columns = [{ width: 16 }, { width: 60 }, { width: 16 }, { width: 14 }, { width: 10 }, { width: 12 }];
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  for (const field of table.fields) {
    const row = sheet.addRow([field.label, field.value]);
    row.getCell(1).font = { bold: true };
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.addRow([]);
  sheet.addRow([actionItemsLabel]).font = { bold: true };
  sheet.addRow(table.actionItems.header).font = { bold: true };
  for (const row of table.actionItems.rows) sheet.addRow(row);
  // Cells hold text only: nothing a user typed is ever taken as a formula.
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string') cell.numFmt = '@';
  }));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const cell = (text: string, bold = false) => new TableCell({
  children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
});

export async function minutesToDocx(table: MinutesTable, actionItemsLabel: string): Promise<Uint8Array> {
  const full = { size: 100, type: WidthType.PERCENTAGE };
  const document = new Document({
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(table.title)] }),
        new Table({ width: full, rows: table.fields.map((f) => new TableRow({ children: [cell(f.label, true), cell(f.value)] })) }),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(actionItemsLabel)] }),
        new Table({
          width: full,
          rows: [table.actionItems.header, ...table.actionItems.rows].map((row, i) => new TableRow({ children: row.map((text) => cell(text, i === 0)) })),
        }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
