import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { JSONContent } from '@tiptap/core';
import { extensionsFor, type RichTextFlavour } from '@/lib/rich-text/extensions';

/**
 * Shows stored rich text on the server. The document was checked against the editor schema when
 * saved, and rendering goes through that same schema into React elements: nothing is injected as HTML.
 */
export function RichTextView({ doc, className = '', flavour = 'text' }: { doc: unknown; className?: string; flavour?: RichTextFlavour }) {
  if (!doc) return null;
  return <div className={`rich-text ${className}`}>{renderToReactElement({ content: doc as JSONContent, extensions: extensionsFor(flavour) })}</div>;
}
