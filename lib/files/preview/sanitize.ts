import sanitizeHtml, { type IOptions } from 'sanitize-html';

// The one allow-list every preview's HTML passes through (converted .docx, rendered Markdown,
// highlighted code). Only inert formatting survives: no scripts, styles, classes (except
// highlight.js token classes), ids, event handlers, forms, frames, SVG or MathML.

// Inlined pictures only: a raster data: URI cannot script, and an outside URL would let a
// document track who opened it.
const RASTER_DATA_URI = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/]+=*$/i;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

// Elements whose contents go too, not just their tags: what is inside is not readable text.
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'svg', 'math', 'iframe', 'object', 'embed', 'select'];

const link: sanitizeHtml.Transformer = (_tagName, attribs) => {
  const href = attribs.href?.trim() ?? '';
  // Relative and in-page links (a Word table of contents) point nowhere outside the document.
  const safe: sanitizeHtml.Attributes = SAFE_HREF.test(href) ? { href, target: '_blank', rel: 'noopener noreferrer nofollow' } : {};
  return { tagName: 'a', attribs: safe };
};

const highlightClasses = { span: ['hljs-*'] };

const RICH: IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'span',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sup', 'sub', 'a', 'img',
  ],
  allowedAttributes: { a: ['href', 'target', 'rel'], img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], ol: ['start'] },
  allowedClasses: highlightClasses,
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: { a: link },
  // A picture that is not an inlined raster is left out entirely, and so is an empty anchor
  // (a Word bookmark).
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !RASTER_DATA_URI.test(frame.attribs.src ?? '')) || (frame.tag === 'a' && !frame.text.trim()),
};

const HIGHLIGHTED: IOptions = {
  allowedTags: ['span'],
  allowedAttributes: {},
  allowedClasses: highlightClasses,
  nonTextTags: DROPPED_WITH_CONTENT,
};

/** Converted or rendered document HTML, reduced to inert formatting, safe links and inlined raster pictures. */
export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, RICH);
}

/** highlight.js output: text and `<span class="hljs-…">` only. */
export function sanitizeHighlightedCode(html: string): string {
  return sanitizeHtml(html, HIGHLIGHTED);
}
