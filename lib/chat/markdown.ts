// Markdown-lite for chat messages (client-safe and pure): **bold**, `code`, ``` code blocks ```,
// links ([text](https://…) or a bare URL), - and 1. lists, line breaks, and mentions written as
// <@userId> or <!all>. A message is parsed into this tree and rendered as React text nodes, never
// as HTML: whatever is typed (<script>, onerror=, javascript:) stays text.

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'bold'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'mention'; userId: string }
  | { t: 'mentionAll' };

export type Block =
  /** Lines of a paragraph, shown with line breaks. */
  | { t: 'p'; lines: Inline[][] }
  | { t: 'ul'; items: Inline[][] }
  | { t: 'ol'; start: number; items: Inline[][] }
  | { t: 'pre'; v: string };

/** The markup a mention of a member is stored as, and of everyone in the channel. */
export const mentionMarkup = (userId: string) => `<@${userId}>`;
export const MENTION_ALL = '<!all>';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const INLINE = new RegExp(
  [
    '`([^`\\n]+)`', // 1 code
    '\\*\\*(.+?)\\*\\*', // 2 bold
    '\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)', // 3 text, 4 url
    `<@(${UUID})>`, // 5 mention
    '(<!all>)', // 6 everyone
    '(https?:\\/\\/[^\\s<>]+)', // 7 bare URL
  ].join('|'),
  'g',
);
// Punctuation that ends a sentence after a bare URL is not part of it.
const URL_TAIL = /[.,;:!?'")\]}，。；：！？、）」』”’]+$/u;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

function parseInline(text: string, inBold = false): Inline[] {
  const nodes: Inline[] = [];
  const pushText = (v: string) => {
    if (!v) return;
    const last = nodes[nodes.length - 1];
    if (last?.t === 'text') last.v += v;
    else nodes.push({ t: 'text', v });
  };
  let index = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, bold, linkText, linkUrl, mention, all, bare] = match;
    pushText(text.slice(index, match.index));
    index = match.index + whole.length;
    if (code !== undefined) nodes.push({ t: 'code', v: code });
    else if (bold !== undefined) {
      if (inBold) pushText(whole);
      else nodes.push({ t: 'bold', c: parseInline(bold, true) });
    } else if (linkText !== undefined && linkUrl !== undefined) {
      if (SAFE_HREF.test(linkUrl)) nodes.push({ t: 'link', href: linkUrl, c: parseInline(linkText, inBold) });
      else pushText(whole);
    } else if (mention !== undefined) nodes.push({ t: 'mention', userId: mention.toLowerCase() });
    else if (all !== undefined) nodes.push({ t: 'mentionAll' });
    else if (bare !== undefined) {
      const url = bare.replace(URL_TAIL, '');
      nodes.push({ t: 'link', href: url, c: [{ t: 'text', v: url }] });
      // What the tail trimmed is ordinary text.
      index -= bare.length - url.length;
    }
  }
  pushText(text.slice(index));
  return nodes;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,6})[.)]\s+(.*)$/;
const FENCE = /^\s*```/;

/** A message's text as blocks of inline nodes. */
export function parseMessage(body: string): Block[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: Inline[][] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ t: 'p', lines: paragraph });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      endParagraph();
      const code: string[] = [];
      while (++i < lines.length && !FENCE.test(lines[i]!)) code.push(lines[i]!);
      blocks.push({ t: 'pre', v: code.join('\n') });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      endParagraph();
      const item = parseInline(bullet ? bullet[1]! : numbered![2]!);
      const last = blocks[blocks.length - 1];
      if (bullet && last?.t === 'ul') last.items.push(item);
      else if (numbered && last?.t === 'ol') last.items.push(item);
      else blocks.push(bullet ? { t: 'ul', items: [item] } : { t: 'ol', start: Number(numbered![1]), items: [item] });
      continue;
    }
    if (!line.trim()) {
      endParagraph();
      continue;
    }
    paragraph.push(parseInline(line));
  }
  endParagraph();
  return blocks;
}

function walkInline(nodes: readonly Inline[], visit: (node: Inline) => void) {
  for (const node of nodes) {
    visit(node);
    if (node.t === 'bold' || node.t === 'link') walkInline(node.c, visit);
  }
}

function walk(blocks: readonly Block[], visit: (node: Inline) => void) {
  for (const block of blocks) {
    if (block.t === 'p') block.lines.forEach((line) => walkInline(line, visit));
    else if (block.t === 'ul' || block.t === 'ol') block.items.forEach((item) => walkInline(item, visit));
  }
}

/** Who a message mentions (ids, each once), and whether it mentions everyone. */
export function mentionsOf(body: string): { userIds: string[]; all: boolean } {
  const userIds = new Set<string>();
  let all = false;
  walk(parseMessage(body), (node) => {
    if (node.t === 'mention') userIds.add(node.userId);
    if (node.t === 'mentionAll') all = true;
  });
  return { userIds: [...userIds], all };
}

/**
 * A message as plain text: mentions as @name, markup dropped. For search, previews and
 * notifications. `everyone` is how @all reads in the reader's language.
 */
export function messagePlainText(body: string, nameOf: (userId: string) => string | undefined, everyone = '所有人'): string {
  const inline = (nodes: readonly Inline[]): string => nodes.map((node) => {
    switch (node.t) {
      case 'text': case 'code': return node.v;
      case 'bold': return inline(node.c);
      case 'link': return inline(node.c);
      case 'mention': return `@${nameOf(node.userId) ?? ''}`;
      case 'mentionAll': return `@${everyone}`;
    }
  }).join('');
  return parseMessage(body).map((block) => {
    if (block.t === 'pre') return block.v;
    if (block.t === 'p') return block.lines.map(inline).join('\n');
    return block.items.map(inline).join('\n');
  }).join('\n');
}

/** `@name` written for each [name, markup] pair turned into the markup; longest names first, so 王芳芳 is not read as 王芳 + 芳. */
export function namesToMarkup(text: string, pairs: Iterable<readonly [string, string]>): string {
  let body = text;
  for (const [name, markup] of [...pairs].sort((a, b) => b[0].length - a[0].length)) body = body.split(`@${name}`).join(markup);
  return body;
}

/** A message as its author edits it: mentions as @name (the rest of the markup as typed). */
export function editableText(body: string, names: Record<string, string>, everyone: string): string {
  return body
    .replace(/<@([0-9a-f-]{36})>/g, (markup, userId: string) => (names[userId] ? `@${names[userId]}` : markup))
    .split(MENTION_ALL).join(`@${everyone}`);
}

/** Edited text back into a message: the people it mentioned, and @all, as markup again. */
export function markupFromEditable(text: string, names: Record<string, string>, everyone: string): string {
  return namesToMarkup(text, [...Object.entries(names).map(([id, name]) => [name, mentionMarkup(id)] as const), [everyone, MENTION_ALL] as const]);
}
