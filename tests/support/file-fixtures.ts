// Files for the library's tests, built in memory: a small .docx zipped by hand with the parts
// Word needs and nothing more, a workbook written by exceljs, a PDF written by hand, pictures.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

/** The start of a GIF: enough for its type to be sniffed. */
export const GIF = Uint8Array.from(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
].join(' ');
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const paragraph = (content: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${content}</w:p>`;
const cell = (text: string) => `<w:tc>${paragraph(run(text))}</w:tc>`;
const picture = (rId: string, description: string) =>
  `<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="图片" descr="${description}"/>` +
  `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="${rId}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>` +
  '</wp:inline></w:drawing></w:r>';

/**
 * A .docx with a heading, a Chinese paragraph, a 2×2 table, an https link, a javascript: link,
 * text that looks like a script tag, a PNG picture, and a GIF and an SVG both declared as PNG; with
 * `linkedPicture`, also a picture linked to that URL outside the file; `filler` paragraphs of
 * 1,000 characters at the end.
 */
export async function buildDocx({ linkedPicture, filler = 0 }: { linkedPicture?: string; filler?: number } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="png" ContentType="image/png"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>');
  zip.file('_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/hyperlink" Target="https://example.cn/plan?a=1&amp;b=2" TargetMode="External"/>` +
    `<Relationship Id="rId3" Type="${REL}/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>` +
    `<Relationship Id="rId4" Type="${REL}/image" Target="media/image1.png"/>` +
    `<Relationship Id="rId5" Type="${REL}/image" Target="media/image2.png"/>` +
    `<Relationship Id="rId7" Type="${REL}/image" Target="media/image3.png"/>` +
    (linkedPicture ? `<Relationship Id="rId6" Type="${REL}/image" Target="${linkedPicture}" TargetMode="External"/>` : '') +
    '</Relationships>');
  zip.file('word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${NS}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`);
  zip.file('word/media/image1.png', PNG);
  zip.file('word/media/image3.png', GIF);
  zip.file('word/media/image2.png', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
  const body = [
    paragraph(run('项目计划'), 'Heading1'),
    paragraph(run('这是一个中文段落，用于预览。')),
    `<w:tbl><w:tr>${cell('任务')}${cell('负责人')}</w:tr><w:tr>${cell('需求评审')}${cell('张三')}</w:tr></w:tbl>`,
    paragraph(`<w:hyperlink r:id="rId2">${run('官网')}</w:hyperlink>`),
    paragraph(`<w:hyperlink r:id="rId3">${run('点我')}</w:hyperlink>`),
    paragraph(run('&lt;script&gt;alert(3)&lt;/script&gt;&lt;img src=x onerror=alert(4)&gt;')),
    paragraph(picture('rId4', '示意图')),
    paragraph(picture('rId5', '伪装的图')),
    paragraph(picture('rId7', '动图')),
    linkedPicture ? paragraph(picture('rId6', '外部图')).replace('r:embed=', 'r:link=') : '',
    paragraph(run('填充文字。'.repeat(200))).repeat(filler),
  ].join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The day the first data row of the workbook is dated. */
export const FIRST_DAY = new Date(Date.UTC(2026, 2, 15));

/**
 * A workbook of two visible sheets and a hidden one: 销售数据 with a header and 600 data rows
 * (a date, Chinese text, a formula with a cached result, one cell far to the right), 说明 with
 * the other kinds of cell values.
 */
export async function buildWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sales = workbook.addWorksheet('销售数据');
  sales.addRow(['日期', '产品', '数量', '单价', '金额']);
  for (let i = 0; i < 600; i++) {
    const day = new Date(FIRST_DAY.getTime() + i * 86_400_000);
    sales.addRow([day, i === 0 ? '笔记本电脑' : `产品${i + 1}`, 2, 17500, { formula: `C${i + 2}*D${i + 2}`, result: 35000 }]);
  }
  sales.getCell('BC3').value = '远处的单元格';
  const notes = workbook.addWorksheet('说明');
  notes.addRow(['富文本', { richText: [{ text: '加粗', font: { bold: true } }, { text: '普通' }] }]);
  notes.addRow(['链接', { text: '公司主页', hyperlink: 'https://example.cn' }]);
  notes.addRow(['错误', { error: '#N/A' }]);
  notes.addRow(['布尔', true]);
  notes.addRow(['小数', 0.1 + 0.2]);
  notes.addRow(['比例', 0.25]);
  notes.getCell('B6').numFmt = '0%';
  notes.addRow(['无结果公式', { formula: 'SUM(A1:A2)' }]);
  notes.addRow(['标记', '<script>alert(1)</script>']);
  notes.addRow(['合并', '左上', '']);
  notes.mergeCells('B9:C9');
  const hidden = workbook.addWorksheet('隐藏');
  hidden.state = 'hidden';
  hidden.addRow(['不应出现']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Rewrites the uncompressed size every entry of a zip declares (in its central directory and its
 * local header), leaving the compressed data as it is.
 */
export function declareEntrySizes(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const end = bytes.length - 22; // jszip writes no archive comment
  let offset = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    view.setUint32(offset + 24, size, true);
    view.setUint32(view.getUint32(offset + 42, true) + 22, size, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return bytes;
}

/** A PDF of `pages` pages, each saying "Page n" (written by hand: objects, then the cross-reference table). */
export function buildPdf(pages = 2): Uint8Array {
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (let i = 0; i < pages; i++) {
    const text = `BT /F1 28 Tf 40 120 Td (Page ${i + 1}) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 320 240] /Contents ${5 + i * 2} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
  }
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
