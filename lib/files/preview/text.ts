import hljs from 'highlight.js';
import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it';
import { HIGHLIGHT_MAX_CHARS, TEXT_MAX_BYTES } from './limits';
import { sanitizeHighlightedCode, sanitizeRichHtml } from './sanitize';
import { decodeText } from './text-encoding';
import type { Preview } from './types';

// Text, Markdown and source code previews. Each shows at most TEXT_MAX_BYTES of the file; the
// rest is left out and the preview says so.

function readText(bytes: Uint8Array) {
  const { text, truncated } = decodeText(bytes, TEXT_MAX_BYTES);
  return { text: text.replace(/\r\n?/g, '\n'), truncated };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => ESCAPES[char]!);

function highlight(code: string, language: string | null): string {
  if (!language || !hljs.getLanguage(language)) return escapeHtml(code);
  return sanitizeHighlightedCode(hljs.highlight(code, { language, ignoreIllegals: true }).value);
}

// Raw HTML in Markdown stays text (html: false); markdown-it also refuses javascript:, vbscript:
// and file: links, and the shared sanitiser checks everything again.
function createMarkdown(highlighted: boolean): Markdown {
  const markdown = new MarkdownIt({
    html: false,
    linkify: true,
    highlight: highlighted ? (code, language) => highlight(code, language || null) : null,
  });
  // A picture from elsewhere would load when the preview opens (and tell its host who looked):
  // it becomes a link to the picture instead. Inlined data: pictures stay pictures.
  const renderImage = markdown.renderer.rules.image!;
  markdown.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const src = String(token.attrGet('src') ?? '');
    if (/^data:/i.test(src)) return renderImage(tokens, index, options, env, self);
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
    return `<a href="${escapeHtml(src)}">${escapeHtml(alt)}</a>`;
  };
  return markdown;
}

const markdownHighlighted = createMarkdown(true);
const markdownPlain = createMarkdown(false);

const countLines = (text: string) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

export function renderText(bytes: Uint8Array): Preview {
  return { type: 'text', ...readText(bytes) };
}

export function renderMarkdown(bytes: Uint8Array): Preview {
  const { text, truncated } = readText(bytes);
  const markdown = text.length <= HIGHLIGHT_MAX_CHARS ? markdownHighlighted : markdownPlain;
  return { type: 'html', html: sanitizeRichHtml(markdown.render(text)), truncated };
}

/**
 * Source code highlighted by highlight.js for `language`; escaped as it is when the language is
 * unknown or the text too long to highlight quickly (then `language` is null too).
 */
export function renderCode(bytes: Uint8Array, language: string | null): Preview {
  const { text, truncated } = readText(bytes);
  const known = language && hljs.getLanguage(language) && text.length <= HIGHLIGHT_MAX_CHARS ? language : null;
  return { type: 'code', language: known, html: highlight(text, known), lines: countLines(text), truncated };
}
