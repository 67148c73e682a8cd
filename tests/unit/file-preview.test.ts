import hljs from 'highlight.js';
import { describe, expect, it } from 'vitest';
import { isInlineSafe, renderPreview, sniffFile, type Preview } from '@/lib/files/preview';
import { HIGHLIGHT_MAX_CHARS, TEXT_MAX_BYTES } from '@/lib/files/preview/limits';
import { sanitizeHighlightedCode, sanitizeRichHtml } from '@/lib/files/preview/sanitize';
import { codeLanguageOf } from '@/lib/files/preview/text-formats';
import { buildDocx, buildWorkbook, PNG } from '../support/file-fixtures';
import { expectInert, tagsOf } from './html-checks';

const utf8 = (text: string) => new TextEncoder().encode(text);
const sniff = (head: Uint8Array, name: string, declaredType?: string) => sniffFile({ head, name, declaredType });

// A Windows program's first bytes: the MZ header, then mostly NULs.
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...new Array(200).fill(0)]);
const MP4 = Uint8Array.from([0, 0, 0, 0x18, ...utf8('ftypisom'), 0, 0, 2, 0, ...utf8('isomiso2'), ...new Array(64).fill(0)]);
// 你好，世界 as Notepad on Chinese Windows saves it ("ANSI", i.e. GBK).
const GBK_HELLO = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]);

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[y](JaVaScRiPt:alert(1))',
  '<svg onload=alert(1)><circle/></svg>',
  '<a href="data:text/html,<script>alert(1)</script>">d</a>',
  '[z](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![p](javascript:alert(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
].join('\n\n');

async function render(kind: Parameters<typeof renderPreview>[0]['kind'], text: string, name: string): Promise<Preview> {
  return renderPreview({ kind, bytes: utf8(text), name });
}

describe('sniffing a file', () => {
  it('believes the bytes, not the name: a PNG named .docx is an image', async () => {
    expect(await sniff(PNG, '报告.docx')).toEqual({ mime: 'image/png', kind: 'image', extension: 'png' });
    expect(await sniff(PNG, 'logo.svg', 'image/svg+xml')).toMatchObject({ kind: 'image' });
  });

  it('calls a program named .txt nothing it can preview', async () => {
    expect(await sniff(EXE, '说明.txt', 'text/plain')).toMatchObject({ kind: 'none', mime: 'application/x-msdownload' });
    const binary = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    expect(await sniff(binary, 'notes.md', 'text/markdown')).toEqual({ kind: 'none', mime: 'application/octet-stream', extension: null });
  });

  it('never makes SVG an image, with or without an XML prologue', async () => {
    for (const svg of ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>']) {
      const sniffed = await sniff(utf8(svg), 'icon.svg', 'image/svg+xml');
      expect(sniffed).toEqual({ mime: 'image/svg+xml', kind: 'code', extension: 'svg' });
      expect(isInlineSafe(sniffed.mime)).toBe(false);
    }
    // Renamed, an SVG is just text.
    expect(await sniff(utf8('<svg onload="alert(1)"/>'), 'icon.png', 'image/png')).toMatchObject({ kind: 'text', mime: 'text/plain' });
  });

  it('shows HTML and XML as source code', async () => {
    expect(await sniff(utf8('<!doctype html><script>alert(1)</script>'), 'page.html', 'text/html')).toEqual({ mime: 'text/html', kind: 'code', extension: 'html' });
    expect(await sniff(utf8('<?xml version="1.0"?><a/>'), 'data.xml')).toMatchObject({ kind: 'code', mime: 'application/xml' });
  });

  it('reads UTF-8 Chinese as text, and GBK saved by Windows Notepad too', async () => {
    expect(await sniff(utf8('会议纪要：\n一、项目进度正常。\n'), '纪要.txt')).toEqual({ mime: 'text/plain', kind: 'text', extension: 'txt' });
    expect(await sniff(utf8('没有扩展名的文字'), 'README')).toMatchObject({ kind: 'text', extension: 'txt' });
    expect(await sniff(GBK_HELLO, '旧文件.txt')).toMatchObject({ kind: 'text' });
    expect(await sniff(new Uint8Array(), 'empty.txt')).toMatchObject({ kind: 'text' });
  });

  it('treats a character cut off by the end of the head as text', async () => {
    const head = utf8('中'.repeat(1367)).subarray(0, 4100); // 4,101 bytes cut after the first byte of a character
    expect(await sniff(head, 'long.txt')).toMatchObject({ kind: 'text' });
  });

  it('picks Markdown and code languages from the extension once the bytes are text', async () => {
    expect(await sniff(utf8('# 标题'), '说明.md')).toEqual({ mime: 'text/markdown', kind: 'markdown', extension: 'md' });
    expect(await sniff(utf8('# 标题'), 'notes', 'text/markdown')).toMatchObject({ kind: 'markdown' });
    expect(await sniff(utf8('export const a = 1;'), 'index.ts')).toMatchObject({ kind: 'code', extension: 'ts' });
    expect(codeLanguageOf('index.ts')).toBe('typescript');
    expect(codeLanguageOf('main.PY')).toBe('python');
    expect(codeLanguageOf('Dockerfile')).toBe('dockerfile');
    for (const name of ['a.js', 'a.py', 'a.java', 'a.go', 'a.sql', 'a.json', 'a.yaml', 'a.css', 'a.sh', 'a.svg', 'a.html']) {
      expect(await sniff(utf8('x'), name)).toMatchObject({ kind: 'code' });
      expect(hljs.getLanguage(codeLanguageOf(name)!)).toBeDefined();
    }
  });

  it('recognises PDF, media and Office files by content whatever they are called', async () => {
    expect(await sniff(utf8('%PDF-1.7\n1 0 obj\n'), 'a.txt')).toMatchObject({ kind: 'pdf', mime: 'application/pdf' });
    expect(await sniff(MP4, 'clip.bin')).toMatchObject({ kind: 'video', mime: 'video/mp4' });
    expect(await sniff(await buildDocx(), '合同.pdf')).toMatchObject({ kind: 'docx', extension: 'docx' });
    expect(await sniff(await buildWorkbook(), 'data.csv')).toMatchObject({ kind: 'xlsx', extension: 'xlsx' });
  });
});

describe('serving inline', () => {
  it('allows only raster images, PDF, audio and video', () => {
    for (const mime of ['image/png', 'IMAGE/JPEG', 'image/webp', 'image/avif', 'application/pdf', 'video/mp4', 'audio/ogg; codecs=opus']) expect(isInlineSafe(mime)).toBe(true);
    for (const mime of ['image/svg+xml', 'text/html', 'text/plain', 'application/xml', 'application/octet-stream', 'application/javascript', '']) expect(isInlineSafe(mime)).toBe(false);
  });
});

describe('text and code previews', () => {
  it('shows text as it is, decoding GBK', async () => {
    expect(await render('text', '第一行\r\n第二行', 'a.txt')).toEqual({ type: 'text', text: '第一行\n第二行', truncated: false });
    expect(await renderPreview({ kind: 'text', bytes: GBK_HELLO, name: 'a.txt' })).toMatchObject({ text: '你好，世界' });
    // UTF-8 with one stray byte stays UTF-8, though its bytes happen to be valid GB18030 too.
    const stray = Uint8Array.from([...utf8('项目进度正常，'.repeat(30)), 0xa3, ...utf8('下周评审')]);
    expect(await renderPreview({ kind: 'text', bytes: stray, name: 'a.txt' })).toMatchObject({ text: `${'项目进度正常，'.repeat(30)}\uFFFD下周评审` });
  });

  it('cuts text after TEXT_MAX_BYTES without splitting a character', async () => {
    const preview = await render('text', '汉'.repeat(TEXT_MAX_BYTES / 2), 'big.txt');
    expect(preview).toMatchObject({ type: 'text', truncated: true });
    const { text } = preview as Extract<Preview, { type: 'text' }>;
    expect(text).toBe('汉'.repeat(Math.floor(TEXT_MAX_BYTES / 3)));
  });

  it('highlights code with hljs spans only, and escapes markup in it', async () => {
    const preview = await render('code', 'const a: number = 1;\n// <script>alert(1)</script>\nconst b = "<img src=x onerror=alert(1)>";\n', 'a.ts');
    expect(preview).toMatchObject({ type: 'code', language: 'typescript', lines: 3, truncated: false });
    const { html } = preview as Extract<Preview, { type: 'code' }>;
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('&lt;script&gt;');
    expectInert(html, ['span']);
  });

  it('shows HTML and SVG files as inert highlighted source', async () => {
    for (const [name, source] of [['x.html', `<!doctype html>${XSS}`], ['x.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>']] as const) {
      const preview = await render('code', source, name);
      expect(preview).toMatchObject({ type: 'code', language: 'xml' });
      expectInert((preview as Extract<Preview, { type: 'code' }>).html, ['span']);
    }
  });

  it('escapes code in a language it does not know, and long code without highlighting', async () => {
    expect(await render('code', 'a < b && c', 'x.unknown')).toMatchObject({ language: null, html: 'a &lt; b &amp;&amp; c', lines: 1 });
    const long = await render('code', 'const a = 1;\n'.repeat(HIGHLIGHT_MAX_CHARS / 10), 'big.ts');
    expect(long).toMatchObject({ type: 'code', language: null, truncated: false });
    expect((long as Extract<Preview, { type: 'code' }>).html).not.toContain('<span');
  });
});

describe('Markdown previews', () => {
  it('renders headings, lists, tables, links and highlighted code', async () => {
    const source = '# 周报\n\n- 完成**登录**\n- 修复 bug\n\n| 任务 | 状态 |\n|---|---|\n| 设计 | 完成 |\n\n```ts\nconst a = 1;\n```\n\n见 https://example.cn/周报\n';
    const preview = await render('markdown', source, 'a.md');
    expect(preview).toMatchObject({ type: 'html', truncated: false });
    const { html } = preview as Extract<Preview, { type: 'html' }>;
    expect(html).toContain('<h1>周报</h1>');
    expect(html).toContain('<strong>登录</strong>');
    expect(html).toContain('<td>设计</td>');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toMatch(/<a href="https:\/\/example\.cn\/[^"]*" target="_blank" rel="noopener noreferrer nofollow">/);
  });

  it('makes the XSS corpus inert', async () => {
    const { html } = (await render('markdown', XSS, 'x.md')) as Extract<Preview, { type: 'html' }>;
    expectInert(html, ['p', 'a', 'img']);
    // Raw HTML is shown as the text it is.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The one real link is the bare URL linkified as text; javascript: and data: links stay text.
    const links = tagsOf(html).filter((tag) => tag.name === 'a' && tag.attributes);
    expect(links.map((tag) => /href="([^"]*)"/.exec(tag.attributes)?.[1])).toEqual(['https://evil.example']);
  });

  it('turns a picture from elsewhere into a link, so opening the preview loads nothing', async () => {
    const { html } = (await render('markdown', '![架构图](https://tracker.example/p.png)', 'a.md')) as Extract<Preview, { type: 'html' }>;
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://tracker.example/p.png" target="_blank" rel="noopener noreferrer nofollow">架构图</a>');
    const inlined = (await render('markdown', '![点](data:image/png;base64,iVBORw0KGgo=)', 'a.md')) as Extract<Preview, { type: 'html' }>;
    expect(inlined.html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="点" />');
  });
});

describe('the shared sanitiser', () => {
  it('keeps structure and safe links and drops everything active, given raw HTML', () => {
    const html = sanitizeRichHtml(
      `<h2 id="x" class="title" style="color:red" onclick="alert(1)">标题</h2>${XSS}` +
      '<a href="https://example.cn" target="_self" rel="opener">ok</a><a href="/api/v1/me">relative</a><a href="//evil.example">protocol-relative</a><a id="_Toc1"></a>' +
      '<img src="https://tracker.example/p.gif"><img src="data:image/svg+xml;base64,PHN2Zz4="><img src="data:image/png;base64,iVBORw0KGgo=" alt="图">' +
      '<form action="https://evil.example"><input name="p"></form><math><mi>x</mi></math><svg><text>svg-text</text></svg><object data="x.swf"></object><table><tr><td colspan="2" onmouseover="x">格</td></tr></table>',
    );
    expectInert(html, ['h2', 'p', 'a', 'img', 'table', 'tr', 'td']);
    expect(html).toContain('<h2>标题</h2>');
    expect(html).toContain('<a href="https://example.cn" target="_blank" rel="noopener noreferrer nofollow">ok</a>');
    expect(html).toContain('<a>relative</a><a>protocol-relative</a><img');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="图" />');
    expect(html.match(/<img/g)).toHaveLength(1);
    expect(html).toContain('<td colspan="2">格</td>');
    expect(html).not.toMatch(/<script|<input|display:none|onerror|svg-text/);
  });

  it('keeps only hljs- classes on spans in highlighted code', () => {
    expect(sanitizeHighlightedCode('<span class="hljs-string evil">"a"</span><b onclick="x">b</b><span style="x">c</span>'))
      .toBe('<span class="hljs-string">"a"</span>b<span>c</span>');
  });
});

describe('other kinds', () => {
  it('lets the page embed media and refuses what it cannot show', async () => {
    for (const kind of ['image', 'pdf', 'audio', 'video'] as const) expect(await renderPreview({ kind, bytes: PNG, name: 'x' })).toEqual({ type: 'media' });
    expect(await renderPreview({ kind: 'none', bytes: EXE, name: 'a.exe' })).toEqual({ type: 'unavailable', reason: 'unsupported' });
  });
});
