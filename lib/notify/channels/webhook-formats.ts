import { createHmac } from 'node:crypto';

export type WebhookKind = 'dingtalk' | 'feishu' | 'wecom';

export interface WebhookTarget {
  kind: WebhookKind;
  url: string;
  /** The robot's signing secret (DingTalk 加签, Feishu 签名校验); WeCom robots have none. */
  secret?: string | null;
}

export interface WebhookMessage {
  title: string;
  /** Markdown-ish body; each platform renders its own subset of Markdown. */
  text: string;
  /** Where the notification leads, appended as a link. */
  url?: string;
  /** The link's text in the reader's language; without it the link shows the URL itself. */
  linkLabel?: string;
}

export interface WebhookRequest {
  url: string;
  body: Record<string, unknown>;
}

const linkLine = (message: WebhookMessage) => (message.url ? `[${message.linkLabel ?? message.url}](${message.url})` : '');
const joinParagraphs = (...parts: string[]) => parts.filter(Boolean).join('\n\n');

/** DingTalk 加签: HMAC-SHA256 of `timestamp\nsecret` keyed by the secret, base64 (not yet URL-encoded). */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Feishu 签名校验: `timestamp\nsecret` is the HMAC-SHA256 key and the message is empty, base64. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

// Format: DingTalk 自定义机器人 markdown type (developers.dingtalk.com/document/robots/custom-robot-access).
// The title only shows in the chat list, so the text repeats it as a heading.
export function dingTalkBody(message: WebhookMessage): Record<string, unknown> {
  return {
    msgtype: 'markdown',
    markdown: { title: message.title, text: joinParagraphs(`#### ${message.title}`, message.text, linkLine(message)) },
  };
}

// Format: Feishu 自定义机器人使用指南, msg_type interactive with `card` (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
// lark_md renders bold, links and line breaks.
export function feishuBody(message: WebhookMessage): Record<string, unknown> {
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: { title: { tag: 'plain_text', content: message.title }, template: 'blue' },
      elements: [{ tag: 'div', text: { tag: 'lark_md', content: joinParagraphs(message.text, linkLine(message)) } }],
    },
  };
}

// Format: WeCom 群机器人配置说明 markdown type (developer.work.weixin.qq.com/document/path/91770).
// `content` is at most 4096 bytes of UTF-8, so a long body is cut, never the title or the link.
const WECOM_MARKDOWN_MAX_BYTES = 4096;

export function weComBody(message: WebhookMessage): Record<string, unknown> {
  const head = `**${message.title}**`;
  const link = linkLine(message);
  const room = WECOM_MARKDOWN_MAX_BYTES - Buffer.byteLength(joinParagraphs(head, 'x', link)) + 1;
  return { msgtype: 'markdown', markdown: { content: joinParagraphs(head, truncateUtf8(message.text, room), link) } };
}

/** The text cut at a character boundary to fit `maxBytes` of UTF-8, marked with an ellipsis when cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const ellipsis = '…';
  let budget = maxBytes - Buffer.byteLength(ellipsis);
  let kept = '';
  for (const char of text) {
    budget -= Buffer.byteLength(char);
    if (budget < 0) break;
    kept += char;
  }
  return kept + ellipsis;
}

/**
 * The URL and JSON body to POST for one message to one robot, signed when the target has a
 * secret: DingTalk takes `timestamp` (ms) and `sign` in the query, Feishu `timestamp` (s, a
 * string) and `sign` in the body. Both platforms refuse a timestamp more than an hour off.
 */
export function buildWebhookRequest(target: WebhookTarget, message: WebhookMessage, now: Date): WebhookRequest {
  const secret = target.secret || null;
  switch (target.kind) {
    case 'dingtalk': {
      const url = new URL(target.url);
      if (secret) {
        const timestamp = now.getTime();
        // searchParams percent-encodes base64's `+`, `/` and `=` as DingTalk asks (urlEncode).
        url.searchParams.set('timestamp', String(timestamp));
        url.searchParams.set('sign', dingTalkSign(secret, timestamp));
      }
      return { url: url.toString(), body: dingTalkBody(message) };
    }
    case 'feishu': {
      const body = feishuBody(message);
      if (!secret) return { url: target.url, body };
      const timestamp = Math.floor(now.getTime() / 1000);
      return { url: target.url, body: { timestamp: String(timestamp), sign: feishuSign(secret, timestamp), ...body } };
    }
    case 'wecom':
      return { url: target.url, body: weComBody(message) };
  }
}
