import http from 'node:http';
import https from 'node:https';
import { isDomainError } from '@/lib/errors';
import { buildWebhookRequest, type WebhookKind, type WebhookMessage, type WebhookTarget } from './webhook-formats';
import { guardedLookup, parseWebhookUrl } from './webhook-url';

export interface PostWebhookOptions {
  /** The signing time; defaults to now. */
  now?: Date;
  /** Everything (DNS, connect, send, the whole answer) within this time; default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
// The platforms answer with a few dozen bytes of JSON; anything bigger is not one of them.
const MAX_ANSWER_BYTES = 64 * 1024;

const platformNames: Record<WebhookKind, string> = { dingtalk: 'DingTalk robot', feishu: 'Feishu bot', wecom: 'WeCom robot' };

/**
 * Posts one message to a DingTalk, Feishu or WeCom group robot, signed when the target has a
 * secret. Resolves once the platform accepted it; rejects with an Error naming the platform and
 * its own message (`sign not match`, …) otherwise, for the caller to record and retry. The URL
 * is re-checked here and every address it resolves to at connect time; redirects are not followed.
 * Error messages name only the host: the URL's path and query carry the robot's token.
 */
export async function postWebhook(target: WebhookTarget, message: WebhookMessage, options: PostWebhookOptions = {}): Promise<void> {
  const name = platformNames[target.kind];
  try {
    parseWebhookUrl(target.url);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new Error(`${name} webhook URL refused (${Object.values(error.fieldErrors).flat().join(', ')})`, { cause: error });
  }
  const request = buildWebhookRequest(target, message, options.now ?? new Date());
  const url = new URL(request.url);
  const answer = await postJson(url, request.body, options.timeoutMs ?? DEFAULT_TIMEOUT_MS).catch((error: Error) => {
    throw new Error(`${name} at ${url.host} failed: ${error.message}`, { cause: error });
  });
  const problem = platformProblem(target.kind, answer.text);
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`${name} at ${url.host} answered HTTP ${answer.status}${problem ? `: ${problem}` : ''}`);
  }
  if (problem) throw new Error(`${name} at ${url.host} refused the message: ${problem}`);
}

/**
 * The platform's error from its JSON answer, or null. All three answer HTTP 200 even for a bad
 * signature or a rate limit, with DingTalk/WeCom `errcode` or Feishu `code` (`StatusCode` in the
 * older answer) other than 0. A 2xx answer without such a field counts as accepted, so an
 * intranet relay that answers plain `ok` works.
 */
function platformProblem(kind: WebhookKind, text: string): string | null {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof answer !== 'object' || answer === null) return null;
  const fields = answer as Record<string, unknown>;
  const check = (codeField: string, messageField: string) => {
    const code = fields[codeField];
    if (typeof code !== 'number' || code === 0) return null;
    return `${String(fields[messageField] ?? 'no message')} (${codeField} ${code})`;
  };
  if (kind === 'feishu') return check('code', 'msg') ?? check('StatusCode', 'StatusMessage');
  return check('errcode', 'errmsg');
}

function postJson(url: URL, body: Record<string, unknown>, timeoutMs: number): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(JSON.stringify(body));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null, answer?: { status: number; text: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        request.destroy();
        reject(error);
      } else if (answer) resolve(answer);
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        // A fresh connection each time, so every one goes through the guarded lookup.
        agent: false,
        lookup: guardedLookup(),
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length, 'User-Agent': 'Xiezuo' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) settle(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () => settle(null, { status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => settle(error));
        response.on('aborted', () => settle(new Error('connection closed during the answer')));
      },
    );
    const timer = setTimeout(() => settle(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', (error) => settle(error));
    request.end(payload);
  });
}
