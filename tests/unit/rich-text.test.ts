import { describe, expect, it } from 'vitest';
import { richTextSchema, richTextToPlainText } from '@/lib/rich-text/document';

const linkDoc = (href: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: '链接', marks: [{ type: 'link', attrs: { href } }] }] }],
});

describe('rich text from forms and the API', () => {
  it('turns plain text into paragraphs and back', () => {
    const doc = richTextSchema.parse('交付标准\n\n覆盖 10 个重点客户');
    expect(doc?.content).toHaveLength(3);
    expect(richTextToPlainText(doc)).toBe('交付标准\n\n覆盖 10 个重点客户');
  });

  it('treats blank text and empty documents as nothing', () => {
    expect(richTextSchema.parse('   ')).toBeNull();
    expect(richTextSchema.parse({ type: 'doc', content: [{ type: 'paragraph' }] })).toBeNull();
    expect(richTextSchema.parse(undefined)).toBeNull();
  });

  it('accepts web links and refuses script links, unknown nodes and malformed JSON', () => {
    expect(richTextSchema.safeParse(linkDoc('https://example.com')).success).toBe(true);
    expect(richTextSchema.safeParse(linkDoc('mailto:a@example.com')).success).toBe(true);
    for (const bad of [linkDoc('javascript:alert(1)'), linkDoc('data:text/html,<b>x</b>'), { type: 'doc', content: [{ type: 'script' }] }, '{"type":"doc",']) {
      expect(richTextSchema.safeParse(bad).error?.issues[0]?.message).toBe('richTextInvalid');
    }
  });

  it('refuses documents beyond the size cap', () => {
    expect(richTextSchema.safeParse('字'.repeat(100_001)).error?.issues[0]?.message).toBe('tooLong');
  });
});
