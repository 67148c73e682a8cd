// Rules of the file library that need no database: what a stored name may be, how long the
// recycle bin keeps things, what files can be attached to.

/** How a file version is previewed; decided from its sniffed bytes (lib/files/preview/file-kind.ts). */
export const PREVIEW_KINDS = ['image', 'pdf', 'text', 'markdown', 'code', 'docx', 'xlsx', 'audio', 'video', 'none'] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export const ATTACHMENT_TARGETS = ['task', 'message', 'meeting', 'comment'] as const;
export type AttachmentTarget = (typeof ATTACHMENT_TARGETS)[number];

/** Days a deleted file or folder can be restored from the recycle bin. */
export const RECYCLE_DAYS = 30;

/** Longest stored name, in characters (code points, so an emoji counts once). */
export const MAX_NAME_LENGTH = 200;

const CONTROL = /[\u0000-\u001f\u007f]/g;
const SEPARATORS = /[/\\]/g;

/**
 * A safe stored name for what a person or browser sent: no path (a name is never a path: `../x`
 * becomes `x`), no control characters or NUL, no surrounding spaces, and at most
 * MAX_NAME_LENGTH characters with the extension kept. Null when nothing usable is left.
 */
export function safeFileName(raw: string): string | null {
  const parts = raw.normalize('NFC').replace(CONTROL, '').split(SEPARATORS);
  const name = (parts.at(-1) ?? '').trim();
  if (!name || /^\.+$/.test(name)) return null;
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keep = extension.length > 0 && extension.length <= 16 ? extension : [];
  return chars.slice(0, MAX_NAME_LENGTH - keep.length).join('') + keep.join('');
}

/** The part after the last dot, lower-cased ('报告.DOCX' → 'docx'), or '' for none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** When a deleted item leaves the recycle bin for good. */
export function purgeAfter(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + RECYCLE_DAYS * 24 * 60 * 60 * 1000);
}

/** `name`, or `name (2)`, `name (3)`… before the extension: the first one `taken` says is free. */
export async function freeName(name: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${extension}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${stem} (${crypto.randomUUID().slice(0, 8)})${extension}`;
}
