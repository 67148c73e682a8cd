import type { PreviewKind } from '@/lib/files/rules';
import { renderDocx } from './docx';
import { renderCode, renderMarkdown, renderText } from './text';
import { codeLanguageOf } from './text-formats';
import { unavailable, type Preview } from './types';
import { renderXlsx } from './xlsx';

/**
 * The preview of a file version whose kind sniffFile decided. Never throws for bad content: an
 * unreadable, oversized or unknown file gives `{ type: 'unavailable', reason }`. Media kinds need
 * nothing generated: the page embeds the file (served inline only when isInlineSafe).
 */
export async function renderPreview({ kind, bytes, name }: { kind: PreviewKind; bytes: Uint8Array; name: string }): Promise<Preview> {
  switch (kind) {
    case 'image':
    case 'pdf':
    case 'audio':
    case 'video':
      return { type: 'media' };
    case 'text':
      return renderText(bytes);
    case 'markdown':
      return renderMarkdown(bytes);
    case 'code':
      return renderCode(bytes, codeLanguageOf(name));
    case 'docx':
      return renderDocx(bytes);
    case 'xlsx':
      return renderXlsx(bytes);
    case 'none':
      return unavailable('unsupported');
  }
}
