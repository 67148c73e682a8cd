import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { z } from 'zod';
import { ALLOWED_LINK_PROTOCOLS, APP_PATH, extensionsFor, PAGE_IMAGE_SRC, type RichTextFlavour } from './extensions';

/** A TipTap document as stored (jsonb): validated against the editor schema before it is saved. */
export type RichTextDoc = JSONContent & { type: 'doc' };

/** Serialized size cap: a task description is a page or two, not a book. */
export const RICH_TEXT_MAX_CHARS = 100_000;
/** A knowledge-base page may be longer (tables, checklists). */
export const PAGE_MAX_CHARS = 500_000;

const schemas = new Map<RichTextFlavour, Schema>();
const editorSchema = (flavour: RichTextFlavour = 'text') => {
  let schema = schemas.get(flavour);
  if (!schema) schemas.set(flavour, (schema = getSchema(extensionsFor(flavour))));
  return schema;
};

const allowedHref = new RegExp(`^(${ALLOWED_LINK_PROTOCOLS.join('|')}):`, 'i');

/** Links only to the web, an address or a path of the app; images only from the app's files. */
function referencesAreSafe(node: ProseMirrorNode): boolean {
  let safe = true;
  node.descendants((child) => {
    for (const mark of child.marks) {
      const href = String(mark.attrs.href ?? '');
      if (mark.type.name === 'link' && !allowedHref.test(href) && !APP_PATH.test(href)) safe = false;
    }
    if (child.type.name === 'image' && !PAGE_IMAGE_SRC.test(String(child.attrs.src ?? ''))) safe = false;
    return safe;
  });
  return safe;
}

/** Plain text becomes one paragraph per line, so the API and spreadsheets can send a string. */
export function plainTextToDoc(text: string): RichTextDoc {
  return {
    type: 'doc',
    content: text.split(/\r?\n/).map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  };
}

/** The text of a document, one line per block (for spreadsheets, search, previews and diffs). */
export function richTextToPlainText(doc: unknown, flavour: RichTextFlavour = 'text'): string {
  if (!doc || typeof doc !== 'object') return '';
  try {
    const node = ProseMirrorNode.fromJSON(editorSchema(flavour), doc as Record<string, unknown>);
    return node.textBetween(0, node.content.size, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '')).trim();
  } catch {
    return '';
  }
}

/**
 * Parses a document (or the JSON string a form posts, or plain text) against the flavour's schema:
 * checked node by node, links and images limited as above. Throws on anything else.
 */
export function parseDoc(value: unknown, flavour: RichTextFlavour): ProseMirrorNode | null {
  let doc: unknown = value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!trimmed) return null;
    // Forms post the editor's JSON as a string; anything else is plain text.
    doc = trimmed.startsWith('{"type":"doc"') ? JSON.parse(trimmed) : plainTextToDoc(trimmed);
  }
  const node = ProseMirrorNode.fromJSON(editorSchema(flavour), doc as Record<string, unknown>);
  node.check();
  if (node.type.name !== 'doc' || !referencesAreSafe(node)) throw new Error('unsafe');
  return node;
}

function docSchema(flavour: RichTextFlavour, maxChars: number) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): RichTextDoc | null => {
      if (value === undefined || value === null) return null;
      const serialized = typeof value === 'string' ? value : JSON.stringify(value);
      if (serialized.length > maxChars) {
        ctx.addIssue({ code: 'custom', message: 'tooLong' });
        return z.NEVER;
      }
      try {
        const node = parseDoc(value, flavour);
        if (!node) return null;
        // A page may be only a table of images or an empty checklist; a description needs words.
        if (flavour === 'text' && !node.textContent.trim()) return null;
        return node.toJSON() as RichTextDoc;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'richTextInvalid' });
        return z.NEVER;
      }
    });
}

/**
 * Parses rich text from a form or the API: a TipTap document (checked node by node against the
 * editor schema, links limited to safe protocols) or a plain string. Empty text is `null`.
 */
export const richTextSchema = docSchema('text', RICH_TEXT_MAX_CHARS);

/** The same for a knowledge-base page, against the page schema (tables, images, checklists, code). */
export const pageDocSchema = docSchema('page', PAGE_MAX_CHARS);
