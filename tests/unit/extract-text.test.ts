import { describe, expect, it } from 'vitest';
import { EXTRACT_MAX_CHARS, extractText } from '@/lib/files/extract-text';
import { buildDocx, buildPdf, buildWorkbook, declareEntrySizes } from '../support/file-fixtures';

describe('text of uploaded files, for search', () => {
  it('reads a Word document’s text', async () => {
    const text = await extractText(await buildDocx(), 'docx');
    expect(text).toContain('项目计划');
    expect(text).toContain('需求评审');
    expect(text).not.toContain('w:t');
  });

  it('reads the cells of a workbook’s visible sheets', async () => {
    const text = (await extractText(await buildWorkbook(), 'xlsx'))!;
    expect(text).toContain('笔记本电脑');
    expect(text).toContain('公司主页');
    expect(text).toContain('远处的单元格');
    expect(text).not.toContain('不应出现');
  });

  it('reads the text of a PDF’s pages', async () => {
    const text = (await extractText(buildPdf(2), 'pdf'))!;
    expect(text).toContain('Page 1');
    expect(text).toContain('Page 2');
  });

  it('keeps text files as they are, cut at the cap', async () => {
    expect(await extractText(new TextEncoder().encode('# 标题\n正文'), 'markdown')).toBe('# 标题\n正文');
    expect((await extractText(new TextEncoder().encode('字'.repeat(EXTRACT_MAX_CHARS + 10)), 'text'))!.length).toBe(EXTRACT_MAX_CHARS);
  });

  it('gives no text, and no error, for corrupt or oversized files and kinds without text', async () => {
    const garbage = new TextEncoder().encode('PK\u0003\u0004 not really a zip');
    expect(await extractText(garbage, 'docx')).toBeNull();
    expect(await extractText(garbage, 'xlsx')).toBeNull();
    expect(await extractText(new TextEncoder().encode('%PDF-1.7 broken'), 'pdf')).toBeNull();
    expect(await extractText(declareEntrySizes(await buildDocx(), 2 ** 31), 'docx')).toBeNull();
    expect(await extractText(new Uint8Array([1, 2, 3]), 'image')).toBeNull();
  });
});
