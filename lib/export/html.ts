import type { JSONContent } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { escapeHtml } from '@/lib/notify/email-html';
import { richTextExtensions } from '@/lib/rich-text/extensions';
import type { RetroDocument } from '@/lib/retro/document';

// The HTML pages of a space export: plain, self-contained files that open in any browser offline.

const STYLE = 'body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#0f172a}'
  + 'table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #cbd5e1;padding:.25rem .5rem;text-align:left;vertical-align:top}'
  + '.note{color:#475569;font-size:.875rem}';

export function htmlPage(title: string, body: string, lang: string): string {
  return `<!doctype html>\n<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n${body}\n</body></html>\n`;
}

/**
 * A knowledge page's stored TipTap JSON as HTML, through the editor's own schema (what was
 * validated on save); content that no longer fits the schema is shown as its plain text.
 */
export function richTextToHtml(content: unknown): string {
  if (!content || typeof content !== 'object') return '';
  try {
    return renderToHTMLString({ content: content as JSONContent, extensions: richTextExtensions });
  } catch {
    return `<pre>${escapeHtml(JSON.stringify(content))}</pre>`;
  }
}

export function retroDocumentHtml(document: RetroDocument): string {
  const rows = (cells: string[], tag: 'td' | 'th') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  const parts = [`<h1>${escapeHtml(document.title)}</h1>`, `<table>${document.meta.map((m) => rows(m, 'td')).join('')}</table>`];
  for (const section of document.sections) {
    parts.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    if (section.paragraphs?.length) parts.push(`<ul>${section.paragraphs.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`);
    if (section.table) {
      const head = section.table.header.some(Boolean) ? `<thead>${rows(section.table.header, 'th')}</thead>` : '';
      parts.push(`<table>${head}<tbody>${section.table.rows.map((r) => rows(r, 'td')).join('')}</tbody></table>`);
    }
    if (section.note) parts.push(`<p class="note">${escapeHtml(section.note)}</p>`);
  }
  return parts.join('\n');
}

export function linkList(links: { href: string; label: string }[], empty: string): string {
  if (!links.length) return `<p>${escapeHtml(empty)}</p>`;
  // hrefs are our own relative entry names; each path segment is encoded for the browser.
  const encode = (href: string) => href.split('/').map(encodeURIComponent).join('/');
  return `<ul>${links.map((l) => `<li><a href="${escapeHtml(encode(l.href))}">${escapeHtml(l.label)}</a></li>`).join('')}</ul>`;
}
