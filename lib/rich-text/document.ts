import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { z } from 'zod';
import { ALLOWED_LINK_PROTOCOLS, richTextExtensions } from './extensions';

/** A TipTap document as stored (jsonb): validated against the editor schema before it is saved. */
export type RichTextDoc = JSONContent & { type: 'doc' };

/** Serialized size cap: a task description is a page or two, not a book. */
export const RICH_TEXT_MAX_CHARS = 100_000;

let schema: Schema | undefined;
const editorSchema = () => (schema ??= getSchema(richTextExtensions));

const allowedHref = new RegExp(`^(${ALLOWED_LINK_PROTOCOLS.join('|')}):`, 'i');

function linksAreSafe(node: ProseMirrorNode): boolean {
  let safe = true;
  node.descendants((child) => {
    for (const mark of child.marks) {
      if (mark.type.name === 'link' && !allowedHref.test(String(mark.attrs.href ?? ''))) safe = false;
    }
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

/** The text of a document, one line per block (for spreadsheets, search and previews). */
export function richTextToPlainText(doc: unknown): string {
  if (!doc || typeof doc !== 'object') return '';
  try {
    const node = ProseMirrorNode.fromJSON(editorSchema(), doc as Record<string, unknown>);
    return node.textBetween(0, node.content.size, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '')).trim();
  } catch {
    return '';
  }
}

/**
 * Parses rich text from a form or the API: a TipTap document (checked node by node against the
 * editor schema, links limited to safe protocols) or a plain string. Empty text is `null`.
 */
export const richTextSchema = z
  .unknown()
  .optional()
  .transform((value, ctx): RichTextDoc | null => {
    if (value === undefined || value === null) return null;
    const serialized = typeof value === 'string' ? value : JSON.stringify(value);
    if (serialized.length > RICH_TEXT_MAX_CHARS) {
      ctx.addIssue({ code: 'custom', message: 'tooLong' });
      return z.NEVER;
    }
    try {
      let doc: unknown = value;
      if (typeof value === 'string') {
        const trimmed = value.trim();
        if (!trimmed) return null;
        // Forms post the editor's JSON as a string; anything else is plain text.
        doc = trimmed.startsWith('{"type":"doc"') ? JSON.parse(trimmed) : plainTextToDoc(trimmed);
      }
      const node = ProseMirrorNode.fromJSON(editorSchema(), doc as Record<string, unknown>);
      node.check();
      if (node.type.name !== 'doc' || !linksAreSafe(node)) throw new Error('unsafe');
      if (!node.textContent.trim()) return null;
      return node.toJSON() as RichTextDoc;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'richTextInvalid' });
      return z.NEVER;
    }
  });
