// The file library's preview generation: what a file is (sniffFile), whether it may be served
// inline (isInlineSafe), and its preview as cacheable JSON (renderPreview).

export { isInlineSafe, sniffFile, type PreviewKind, type SniffedFile } from './file-kind';
export { PREVIEW_FORMAT_VERSION } from './limits';
export { renderPreview } from './render';
export type { Preview, PreviewSheet, UnavailableReason } from './types';
