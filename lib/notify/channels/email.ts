import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import shared from 'nodemailer/lib/shared';
import { env } from '@/lib/env';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same key for every retry of one notification, so its Message-ID stays the same. */
  idempotencyKey: string;
  /** A calendar invitation (.ics) sent as calendar apps expect: text/calendar with its METHOD. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
}

export interface MailerConfig {
  /** smtp://… or smtps://…, credentials included; default SMTP_URL. */
  url?: string;
  /** Default MAIL_FROM. */
  from?: string;
  /** Connecting, the greeting and each pause on the socket; default 10 s. */
  timeoutMs?: number;
}

export interface Mailer {
  /** Sends one message and resolves to its Message-ID once the server accepted it. */
  send(message: EmailMessage): Promise<string>;
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Whether notifications go out by email at all: only with SMTP_URL set. */
export function emailEnabled(): boolean {
  return Boolean(env.SMTP_URL);
}

/**
 * A stable Message-ID for an idempotency key: a retry after a lost answer sends the same ID, so
 * the receiving server or client can drop the duplicate. Hashed, so no internal id leaks.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<${hash}@${domain}>`;
}

/** host:port of the server, for messages; never the credentials in the URL. */
function serverOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587')}`;
}

/**
 * An SMTP mailer with short timeouts, so a dead server fails in seconds instead of minutes. One
 * connection per message (no pool): notifications come a few at a time. Failures throw an Error
 * naming the server and the cause (refused connection, timeout, the server's SMTP reply).
 */
export function createMailer(config: MailerConfig = {}): Mailer {
  const url = config.url ?? env.SMTP_URL;
  if (!url) throw new Error('Email is off: SMTP_URL is not set');
  const from = config.from ?? env.MAIL_FROM;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const server = serverOf(url);
  // nodemailer drops every other option when given `url`, so the URL is parsed into options here;
  // its query (?tls.rejectUnauthorized=false, ?greetingTimeout=…) still overrides these defaults.
  const transport = nodemailer.createTransport({
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    ...shared.parseConnectionUrl(url),
  });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: messageIdFor(message.idempotencyKey, from),
          ...(message.calendar ? { icalEvent: message.calendar } : {}),
          // RFC 3834: out-of-office replies and the like are not sent back to no-reply.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return info.messageId;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Email through ${server} failed: ${reason}`, { cause: error });
      }
    },
    close: () => transport.close(),
  };
}

/** Sends one notification email through SMTP_URL; see `createMailer`. */
export async function sendEmail(message: EmailMessage): Promise<string> {
  const mailer = createMailer();
  try {
    return await mailer.send(message);
  } finally {
    mailer.close();
  }
}
