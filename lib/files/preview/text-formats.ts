import { extensionOf } from '@/lib/files/rules';

// How a file that is text is shown, decided by its name once its bytes proved it text. Markup
// (HTML, SVG, XML) is only ever source code here: it is highlighted, never rendered.

export interface TextFormat {
  kind: 'text' | 'markdown' | 'code';
  /** A highlight.js language name, for code. */
  language: string | null;
  mime: string;
  /** The extension the file keeps, e.g. for its storage key. */
  extension: string;
}

const PLAIN = 'text/plain';

// extension → [highlight.js language, MIME type]
const CODE: Record<string, [string, string]> = {
  ts: ['typescript', PLAIN], tsx: ['typescript', PLAIN], mts: ['typescript', PLAIN], cts: ['typescript', PLAIN],
  js: ['javascript', 'text/javascript'], jsx: ['javascript', 'text/javascript'], mjs: ['javascript', 'text/javascript'], cjs: ['javascript', 'text/javascript'],
  json: ['json', 'application/json'], jsonc: ['json', PLAIN],
  py: ['python', PLAIN], java: ['java', PLAIN], kt: ['kotlin', PLAIN], kts: ['kotlin', PLAIN], scala: ['scala', PLAIN],
  go: ['go', PLAIN], rs: ['rust', PLAIN], c: ['c', PLAIN], h: ['c', PLAIN], cc: ['cpp', PLAIN], cpp: ['cpp', PLAIN], hpp: ['cpp', PLAIN],
  cs: ['csharp', PLAIN], swift: ['swift', PLAIN], m: ['objectivec', PLAIN], dart: ['dart', PLAIN],
  php: ['php', PLAIN], rb: ['ruby', PLAIN], pl: ['perl', PLAIN], lua: ['lua', PLAIN], r: ['r', PLAIN],
  sql: ['sql', PLAIN], graphql: ['graphql', PLAIN], proto: ['protobuf', PLAIN],
  sh: ['bash', PLAIN], bash: ['bash', PLAIN], zsh: ['bash', PLAIN], ps1: ['powershell', PLAIN], bat: ['dos', PLAIN], cmd: ['dos', PLAIN],
  yaml: ['yaml', 'application/yaml'], yml: ['yaml', 'application/yaml'], toml: ['ini', PLAIN], ini: ['ini', PLAIN], properties: ['properties', PLAIN],
  css: ['css', 'text/css'], scss: ['scss', PLAIN], less: ['less', PLAIN],
  html: ['xml', 'text/html'], htm: ['xml', 'text/html'], xml: ['xml', 'application/xml'], svg: ['xml', 'image/svg+xml'], vue: ['xml', PLAIN],
  diff: ['diff', PLAIN], patch: ['diff', PLAIN], tex: ['latex', PLAIN],
};
// Files known by their whole name rather than an extension.
const CODE_NAMES: Record<string, string> = { dockerfile: 'dockerfile', makefile: 'makefile' };
const MARKDOWN = new Set(['md', 'markdown', 'mdown', 'mkd']);
const TEXT: Record<string, string> = { txt: PLAIN, log: PLAIN, csv: 'text/csv', tsv: 'text/tab-separated-values', ics: 'text/calendar', vcf: 'text/vcard', vtt: 'text/vtt' };

const baseName = (name: string) => (name.split(/[/\\]/).at(-1) ?? '').toLowerCase();

/** The highlight.js language for a file of source code, by its name; null when none is known. */
export function codeLanguageOf(name: string): string | null {
  return CODE[extensionOf(name)]?.[0] ?? CODE_NAMES[baseName(name)] ?? null;
}

/**
 * How text bytes named `name` are shown. The browser's declared type only tells Markdown apart
 * when the name has no extension we know; it can never make text anything but text.
 */
export function textFormatOf(name: string, declaredType?: string): TextFormat {
  const extension = extensionOf(name);
  const code = CODE[extension];
  if (code) return { kind: 'code', language: code[0], mime: code[1], extension };
  const named = CODE_NAMES[baseName(name)];
  if (named) return { kind: 'code', language: named, mime: PLAIN, extension: 'txt' };
  if (MARKDOWN.has(extension)) return { kind: 'markdown', language: null, mime: 'text/markdown', extension };
  const text = TEXT[extension];
  if (text) return { kind: 'text', language: null, mime: text, extension };
  if (declaredType?.split(';')[0]?.trim().toLowerCase() === 'text/markdown') {
    return { kind: 'markdown', language: null, mime: 'text/markdown', extension: 'md' };
  }
  return { kind: 'text', language: null, mime: PLAIN, extension: 'txt' };
}
