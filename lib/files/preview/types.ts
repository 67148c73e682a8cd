// The shape of a generated preview: plain JSON, cached by the caller per file version and sent
// to the page as is. Client components may import this file: it uses no server library.

/** Why a file has no preview; the UI shows its own translated message for each. */
export type UnavailableReason = 'corrupt' | 'tooLarge' | 'unsupported';

export interface PreviewSheet {
  name: string;
  /** Cell texts, row by row; every row has the same number of cells. */
  rows: string[][];
  truncatedRows: boolean;
  truncatedColumns: boolean;
}

export type Preview =
  /** Sanitised HTML of a Word document or a Markdown file. */
  | { type: 'html'; html: string; truncated: boolean }
  /** Source code as sanitised highlight.js HTML (text and `span.hljs-*` only). */
  | { type: 'code'; language: string | null; html: string; lines: number; truncated: boolean }
  | { type: 'text'; text: string; truncated: boolean }
  | { type: 'sheets'; sheets: PreviewSheet[]; truncatedSheets: boolean }
  /** Image, PDF, audio or video: the page embeds the file itself. */
  | { type: 'media' }
  | { type: 'unavailable'; reason: UnavailableReason };

export const unavailable = (reason: UnavailableReason): Preview => ({ type: 'unavailable', reason });
