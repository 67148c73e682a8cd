import { describe, expect, it } from 'vitest';
import { editableText, markupFromEditable, MENTION_ALL, mentionMarkup, mentionsOf, messagePlainText, parseMessage } from '@/lib/chat/markdown';

const zhang = '0a1b2c3d-0000-4000-8000-000000000001';

describe('Markdown-lite messages', () => {
  it('parses bold, code, links, bare URLs and mentions inside a line', () => {
    expect(parseMessage(`**重要**：见 \`v2\` 和 https://example.com/a。<@${zhang}> <!all>`)).toEqual([{
      t: 'p',
      lines: [[
        { t: 'bold', c: [{ t: 'text', v: '重要' }] }, { t: 'text', v: '：见 ' }, { t: 'code', v: 'v2' }, { t: 'text', v: ' 和 ' },
        { t: 'link', href: 'https://example.com/a', c: [{ t: 'text', v: 'https://example.com/a' }] }, { t: 'text', v: '。' },
        { t: 'mention', userId: zhang }, { t: 'text', v: ' ' }, { t: 'mentionAll' },
      ]],
    }]);
  });

  it('keeps scripts, event handlers and javascript: links as text', () => {
    const blocks = parseMessage('<img src=x onerror=alert(1)> [点我](javascript:alert(1)) <script>alert(1)</script>');
    expect(blocks).toEqual([{ t: 'p', lines: [[{ t: 'text', v: '<img src=x onerror=alert(1)> [点我](javascript:alert(1)) <script>alert(1)</script>' }]] }]);
  });

  it('groups lists and code blocks, and keeps line breaks inside a paragraph', () => {
    expect(parseMessage('待办：\n- 场地\n- 预算\n\n1. 确认\n2. 发布\n```\nnpm run **build**\n```\n第一行\n第二行')).toEqual([
      { t: 'p', lines: [[{ t: 'text', v: '待办：' }]] },
      { t: 'ul', items: [[{ t: 'text', v: '场地' }], [{ t: 'text', v: '预算' }]] },
      { t: 'ol', start: 1, items: [[{ t: 'text', v: '确认' }], [{ t: 'text', v: '发布' }]] },
      { t: 'pre', v: 'npm run **build**' },
      { t: 'p', lines: [[{ t: 'text', v: '第一行' }], [{ t: 'text', v: '第二行' }]] },
    ]);
  });

  it('lists who a message mentions, and reads as plain text with names', () => {
    const body = `请 <@${zhang}> 和 <@${zhang.toUpperCase()}> 看 **预算**，<!all>`;
    expect(mentionsOf(body)).toEqual({ userIds: [zhang], all: true });
    expect(messagePlainText(body, (id) => (id === zhang ? '张伟' : undefined))).toBe('请 @张伟 和 @张伟 看 预算，@所有人');
  });
});

describe('editing a message with mentions', () => {
  const wang = '00000000-0000-4000-8000-000000000001';
  const wangFang = '00000000-0000-4000-8000-000000000002';
  const names = { [wang]: '王芳', [wangFang]: '王芳芳' };

  it('shows mentions as @name and turns them back into markup, longest names first', () => {
    const body = `${mentionMarkup(wangFang)} 和 ${mentionMarkup(wang)} 请看 ${MENTION_ALL}`;
    const text = editableText(body, names, '所有人');
    expect(text).toBe('@王芳芳 和 @王芳 请看 @所有人');
    expect(markupFromEditable(text, names, '所有人')).toBe(body);
    expect(markupFromEditable(`${text}，@李雷 也看`, names, '所有人')).toBe(`${body}，@李雷 也看`);
  });
});
