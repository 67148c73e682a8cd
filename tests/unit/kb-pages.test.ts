import { describe, expect, it } from 'vitest';
import { diffText } from '@/lib/kb/diff';
import { pageWithDescendants } from '@/lib/kb/tree';
import { KB_TEMPLATE_KEYS } from '@/lib/kb/rules';
import { pageTemplate } from '@/lib/kb/templates';
import { pageDocSchema, richTextSchema } from '@/lib/rich-text/document';

describe('the diff of two versions', () => {
  it('marks a changed Chinese word inside a line, not the whole line', () => {
    expect(diffText('第一步：申请权限\n第二步：提交', '第一步：申请账号权限\n第二步：提交')).toEqual([
      { kind: 'same', text: '第一步：申请' }, { kind: 'added', text: '账号' }, { kind: 'same', text: '权限\n第二步：提交' },
    ]);
  });

  it('shows added and removed lines whole, and nothing for equal texts', () => {
    expect(diffText('甲\n乙', '甲\n丙\n丁').filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()])).toEqual([['removed', '乙'], ['added', '丙\n丁']]);
    expect(diffText('相同', '相同')).toEqual([{ kind: 'same', text: '相同' }]);
    expect(diffText('', '')).toEqual([]);
  });
});

describe('page templates', () => {
  it('are valid page documents in both languages', () => {
    for (const key of KB_TEMPLATE_KEYS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const { content } = pageTemplate(key, locale);
        expect(pageDocSchema.safeParse(content).success, `${key} ${locale}`).toBe(true);
      }
    }
    expect(JSON.stringify(pageTemplate('faq', 'zh-CN').content)).toContain('问题一');
  });

  it('use nodes that only pages allow: task descriptions refuse a table', () => {
    expect(richTextSchema.safeParse(pageTemplate('meetingMinutes', 'zh-CN').content).success).toBe(false);
  });
});

describe('the page tree', () => {
  it('finds a page and everything below it, in any order', () => {
    const pages = [{ id: 'c', parentId: 'b' }, { id: 'b', parentId: 'a' }, { id: 'a', parentId: null }, { id: 'd', parentId: null }];
    expect([...pageWithDescendants(pages, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...pageWithDescendants(pages, 'd')]).toEqual(['d']);
  });
});
