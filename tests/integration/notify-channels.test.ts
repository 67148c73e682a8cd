import { createHmac } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, emailEnabled, messageIdFor, sendEmail } from '@/lib/notify/channels/email';
import { postWebhook } from '@/lib/notify/channels/webhook';

const portOf = (server: net.Server) => (server.address() as AddressInfo).port;
const listen = (server: net.Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const closeServer = (server: net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await listen(server);
  const port = portOf(server);
  await closeServer(server);
  return port;
}

describe('email through SMTP', () => {
  const received: { mail: ParsedMail; envelopeTo: string[]; user: string | undefined }[] = [];
  let smtp: SMTPServer;
  let port: number;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'notify' && auth.password === 'p@ss:word') return callback(null, { user: auth.username });
        callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({ mail, envelopeTo: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = portOf(smtp.server);
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));
  beforeEach(() => {
    received.length = 0;
  });

  const message = {
    to: '王芳 <wang.fang@demo.example.com>',
    subject: '【协作】任务“上线检查清单”明天到期',
    text: '王芳，你好：\n任务“上线检查清单”将于明天 18:00 到期。',
    html: '<p>王芳，你好：</p><p>任务<strong>“上线检查清单”</strong>将于明天 18:00 到期。</p>',
    idempotencyKey: 'notification:7f1c2a',
  };

  it('delivers Chinese subject, text and HTML with a Message-ID derived from the idempotency key', async () => {
    const mailer = createMailer({ url: `smtp://127.0.0.1:${port}`, from: '协作通知 <no-reply@xiezuo.example.com>' });
    const messageId = await mailer.send(message);
    mailer.close();

    expect(messageId).toBe(messageIdFor(message.idempotencyKey, 'no-reply@xiezuo.example.com'));
    expect(messageId).toMatch(/^<[0-9a-f]{40}@xiezuo\.example\.com>$/);
    expect(received).toHaveLength(1);
    const { mail, envelopeTo } = received[0]!;
    expect(envelopeTo).toEqual(['wang.fang@demo.example.com']);
    expect(mail.subject).toBe(message.subject);
    expect(mail.text?.trim()).toBe(message.text);
    expect(mail.html).toContain('<strong>“上线检查清单”</strong>');
    expect(mail.messageId).toBe(messageId);
    expect(mail.from?.value).toEqual([{ address: 'no-reply@xiezuo.example.com', name: '协作通知' }]);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('sends a retry of the same notification with the same Message-ID, another one with its own', async () => {
    const mailer = createMailer({ url: `smtp://127.0.0.1:${port}`, from: 'no-reply@xiezuo.example.com' });
    const first = await mailer.send(message);
    const retry = await mailer.send(message);
    const other = await mailer.send({ ...message, idempotencyKey: 'notification:8e2d3b' });
    mailer.close();
    expect(retry).toBe(first);
    expect(other).not.toBe(first);
    expect(received.map((r) => r.mail.messageId)).toEqual([first, first, other]);
  });

  it('signs in with the credentials in the URL, percent-encoded', async () => {
    const mailer = createMailer({ url: `smtp://notify:${encodeURIComponent('p@ss:word')}@127.0.0.1:${port}` });
    await mailer.send(message);
    mailer.close();
    expect(received[0]?.user).toBe('notify');
  });

  it('fails with the server’s reason for wrong credentials, without showing the password', async () => {
    const mailer = createMailer({ url: `smtp://notify:wrong-secret@127.0.0.1:${port}` });
    const error = await mailer.send(message).then(() => null, (e: Error) => e);
    mailer.close();
    expect(error?.message).toMatch(new RegExp(`^Email through 127\\.0\\.0\\.1:${port} failed: .*Invalid username or password`));
    expect(error?.message).not.toContain('wrong-secret');
    expect(received).toHaveLength(0);
  });

  it.skipIf(Boolean(process.env.SMTP_URL))('is off without SMTP_URL, and says so when asked to send', async () => {
    expect(emailEnabled()).toBe(false);
    await expect(sendEmail(message)).rejects.toThrow('Email is off: SMTP_URL is not set');
  });

  it('fails fast and clearly when nothing listens on the port', async () => {
    const dead = await closedPort();
    const started = Date.now();
    const mailer = createMailer({ url: `smtp://127.0.0.1:${dead}` });
    await expect(mailer.send(message)).rejects.toThrow(new RegExp(`Email through 127\\.0\\.0\\.1:${dead} failed: .*ECONNREFUSED`));
    mailer.close();
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives up on a server that accepts the connection but never greets, after the timeout', async () => {
    const silent = net.createServer(() => {});
    await listen(silent);
    const started = Date.now();
    const mailer = createMailer({ url: `smtp://127.0.0.1:${portOf(silent)}`, timeoutMs: 300 });
    await expect(mailer.send(message)).rejects.toThrow(/Email through 127\.0\.0\.1:\d+ failed: .*(Greeting never received|timeout)/i);
    mailer.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    // Options in the URL's query still apply on top of the defaults.
    const tuned = createMailer({ url: `smtp://127.0.0.1:${portOf(silent)}?greetingTimeout=200` });
    await expect(tuned.send(message)).rejects.toThrow(/Greeting never received/);
    tuned.close();
    expect(Date.now() - started).toBeLessThan(6_000);
    silent.close();
  });
});

describe('group robot webhooks', () => {
  interface Received {
    path: string;
    query: URLSearchParams;
    contentType: string | undefined;
    body: Record<string, unknown>;
  }
  const received: Received[] = [];
  const answers: Record<string, (response: http.ServerResponse) => void> = {
    '/dingtalk': (res) => res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' })),
    '/feishu': (res) => res.end(JSON.stringify({ code: 0, msg: 'success', data: {} })),
    '/wecom': (res) => res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' })),
    '/dingtalk-sign-mismatch': (res) => res.end(JSON.stringify({ errcode: 310000, errmsg: 'sign not match' })),
    '/feishu-sign-mismatch': (res) => res.end(JSON.stringify({ code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time', data: {} })),
    '/feishu-legacy-error': (res) => res.end(JSON.stringify({ StatusCode: 9499, StatusMessage: 'Bad Request' })),
    '/wecom-bad-key': (res) => res.end(JSON.stringify({ errcode: 93000, errmsg: 'invalid webhook url' })),
    '/server-error': (res) => {
      res.statusCode = 502;
      res.end('<html>Bad Gateway</html>');
    },
    '/redirect': (res) => {
      res.statusCode = 302;
      res.setHeader('Location', 'http://169.254.169.254/latest/meta-data/');
      res.end();
    },
    '/silent': () => {},
  };
  let receiver: http.Server;
  let base: string;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://receiver');
        received.push({ path: url.pathname, query: url.searchParams, contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.setHeader('Content-Type', 'application/json');
        (answers[url.pathname] ?? ((r) => ((r.statusCode = 404), r.end())))(res);
      });
    });
    await listen(receiver);
    base = `http://127.0.0.1:${portOf(receiver)}`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await closeServer(receiver);
  });
  beforeEach(() => {
    received.length = 0;
  });

  const message = { title: '任务即将到期', text: '**上线检查清单** 明天 18:00 截止', url: 'https://xiezuo.example.com/t/2', linkLabel: '查看任务' };
  const now = new Date('2025-03-01T08:00:00.123Z');
  const secret = 'SEC0123456789abcdef';

  it('posts a signed DingTalk markdown message with timestamp and sign in the query', async () => {
    await postWebhook({ kind: 'dingtalk', url: `${base}/dingtalk?access_token=tok`, secret }, message, { now });
    const [request] = received;
    expect(request?.contentType).toBe('application/json; charset=utf-8');
    expect(request?.query.get('access_token')).toBe('tok');
    expect(request?.query.get('timestamp')).toBe(String(now.getTime()));
    expect(request?.query.get('sign')).toBe(createHmac('sha256', secret).update(`${now.getTime()}\n${secret}`).digest('base64'));
    expect(request?.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '任务即将到期', text: expect.stringContaining('[查看任务](https://xiezuo.example.com/t/2)') } });
  });

  it('posts a signed Feishu card with timestamp (seconds) and sign in the body', async () => {
    await postWebhook({ kind: 'feishu', url: `${base}/feishu`, secret }, message, { now });
    const body = received[0]?.body;
    const seconds = Math.floor(now.getTime() / 1000);
    expect(body?.timestamp).toBe(String(seconds));
    expect(body?.sign).toBe(createHmac('sha256', `${seconds}\n${secret}`).update('').digest('base64'));
    expect(body).toMatchObject({ msg_type: 'interactive', card: { header: { title: { content: '任务即将到期' } } } });
    expect(received[0]?.query.size).toBe(0);
  });

  it('posts WeCom markdown without any signature', async () => {
    await postWebhook({ kind: 'wecom', url: `${base}/wecom?key=k1`, secret: null }, message);
    expect(received[0]?.query.get('key')).toBe('k1');
    expect(received[0]?.body).toEqual({ msgtype: 'markdown', markdown: { content: '**任务即将到期**\n\n**上线检查清单** 明天 18:00 截止\n\n[查看任务](https://xiezuo.example.com/t/2)' } });
  });

  it('reaches a receiver by host name through the guarded lookup', async () => {
    await postWebhook({ kind: 'wecom', url: `http://localhost:${portOf(receiver)}/wecom` }, message);
    expect(received).toHaveLength(1);
  });

  it('rejects with the platform’s message when it refuses the message with HTTP 200', async () => {
    await expect(postWebhook({ kind: 'dingtalk', url: `${base}/dingtalk-sign-mismatch?access_token=tok`, secret: 'wrong' }, message)).rejects.toThrow(
      /^DingTalk robot at 127\.0\.0\.1:\d+ refused the message: sign not match \(errcode 310000\)$/,
    );
    await expect(postWebhook({ kind: 'feishu', url: `${base}/feishu-sign-mismatch`, secret: 'wrong' }, message)).rejects.toThrow(/Feishu bot .* sign match fail .*\(code 19021\)/);
    await expect(postWebhook({ kind: 'feishu', url: `${base}/feishu-legacy-error` }, message)).rejects.toThrow(/Bad Request \(StatusCode 9499\)/);
    await expect(postWebhook({ kind: 'wecom', url: `${base}/wecom-bad-key?key=nope` }, message)).rejects.toThrow(/WeCom robot .* invalid webhook url \(errcode 93000\)/);
  });

  it('rejects a non-2xx answer with its status, and does not follow a redirect', async () => {
    await expect(postWebhook({ kind: 'wecom', url: `${base}/server-error?key=k` }, message)).rejects.toThrow(/WeCom robot at 127\.0\.0\.1:\d+ answered HTTP 502$/);
    await expect(postWebhook({ kind: 'wecom', url: `${base}/redirect?key=k` }, message)).rejects.toThrow(/answered HTTP 302/);
    expect(received.map((r) => r.path)).toEqual(['/server-error', '/redirect']);
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    const started = Date.now();
    await expect(postWebhook({ kind: 'dingtalk', url: `${base}/silent?access_token=tok` }, message, { timeoutMs: 300 })).rejects.toThrow(
      /DingTalk robot at 127\.0\.0\.1:\d+ failed: no answer within 300 ms/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received).toHaveLength(1);
  });

  it('fails clearly when nothing listens', async () => {
    const dead = await closedPort();
    await expect(postWebhook({ kind: 'feishu', url: `http://127.0.0.1:${dead}/hook` }, message)).rejects.toThrow(new RegExp(`Feishu bot at 127\\.0\\.0\\.1:${dead} failed: .*ECONNREFUSED`));
  });

  it('refuses a metadata address before connecting, naming neither path nor token', async () => {
    const error = await postWebhook({ kind: 'dingtalk', url: 'http://169.254.169.254/robot/send?access_token=secret-token' }, message).then(() => null, (e: Error) => e);
    expect(error?.message).toBe('DingTalk robot webhook URL refused (webhookAddressRefused)');
    expect(error?.message).not.toContain('secret-token');
  });
});
