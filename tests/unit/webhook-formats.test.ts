import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildWebhookRequest, dingTalkSign, feishuSign, truncateUtf8, type WebhookMessage } from '@/lib/notify/channels/webhook-formats';

const message: WebhookMessage = {
  title: '任务即将到期',
  text: '**上线检查清单** 明天 18:00 截止\n负责人：王芳',
  url: 'https://xiezuo.example.com/spaces/1/tasks/2',
  linkLabel: '查看任务',
};
const now = new Date('2025-03-01T08:00:00.123Z');
const secret = 'SECabc123/+=示例';

describe('DingTalk robot', () => {
  it('signs HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, in the query', () => {
    const { url } = buildWebhookRequest({ kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=tok', secret }, message, now);
    const query = new URL(url).searchParams;
    const timestamp = now.getTime();
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(`${timestamp}\n${secret}`, 'utf8')).digest('base64');
    expect(query.get('access_token')).toBe('tok');
    expect(query.get('timestamp')).toBe('1740816000123');
    expect(query.get('sign')).toBe(expected);
    // The raw query carries the signature URL-encoded, as the platform decodes it.
    expect(url).toContain(`&sign=${encodeURIComponent(expected)}`);
    expect(dingTalkSign(secret, timestamp)).toBe(expected);
  });

  it('replaces a stale timestamp and sign already in the stored URL', () => {
    const { url } = buildWebhookRequest({ kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=tok&timestamp=1&sign=old', secret }, message, now);
    const query = new URL(url).searchParams;
    expect(query.getAll('timestamp')).toEqual(['1740816000123']);
    expect(query.getAll('sign')).toEqual([dingTalkSign(secret, now.getTime())]);
  });

  it('sends a markdown message whose text repeats the title and ends with the link', () => {
    const { body } = buildWebhookRequest({ kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=tok' }, message, now);
    expect(body).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '任务即将到期',
        text: '#### 任务即将到期\n\n**上线检查清单** 明天 18:00 截止\n负责人：王芳\n\n[查看任务](https://xiezuo.example.com/spaces/1/tasks/2)',
      },
    });
  });

  it('leaves the URL alone without a secret', () => {
    const target = { kind: 'dingtalk' as const, url: 'https://oapi.dingtalk.com/robot/send?access_token=tok', secret: null };
    expect(buildWebhookRequest(target, message, now).url).toBe(target.url);
  });
});

describe('Feishu bot', () => {
  it('signs with "timestamp\\nsecret" as the HMAC key over nothing, in the body, seconds as a string', () => {
    const { url, body } = buildWebhookRequest({ kind: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', secret }, message, now);
    const timestamp = Math.floor(now.getTime() / 1000);
    const expected = createHmac('sha256', Buffer.from(`${timestamp}\n${secret}`, 'utf8')).update(Buffer.alloc(0)).digest('base64');
    expect(url).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/abc');
    expect(body.timestamp).toBe('1740816000');
    expect(body.sign).toBe(expected);
    expect(feishuSign(secret, timestamp)).toBe(expected);
    // The DingTalk scheme (secret as key) gives a different signature: the two must not be mixed up.
    expect(expected).not.toBe(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
  });

  it('sends an interactive card with the title as header and the text and link as lark_md', () => {
    const { body } = buildWebhookRequest({ kind: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc' }, message, now);
    expect(body).toEqual({
      msg_type: 'interactive',
      card: {
        config: { wide_screen_mode: true },
        header: { title: { tag: 'plain_text', content: '任务即将到期' }, template: 'blue' },
        elements: [
          {
            tag: 'div',
            text: { tag: 'lark_md', content: '**上线检查清单** 明天 18:00 截止\n负责人：王芳\n\n[查看任务](https://xiezuo.example.com/spaces/1/tasks/2)' },
          },
        ],
      },
    });
    expect(body).not.toHaveProperty('sign');
  });
});

describe('WeCom group robot', () => {
  it('sends markdown content and ignores any secret', () => {
    const target = { kind: 'wecom' as const, url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', secret: 'ignored' };
    const request = buildWebhookRequest(target, { title: '会议提醒', text: '周会 10:00 开始' }, now);
    expect(request).toEqual({ url: target.url, body: { msgtype: 'markdown', markdown: { content: '**会议提醒**\n\n周会 10:00 开始' } } });
  });

  it('cuts a long body so the content stays within 4096 bytes, keeping the title and the link', () => {
    const { body } = buildWebhookRequest({ kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }, { ...message, text: '进度'.repeat(2000) }, now);
    const content = (body.markdown as { content: string }).content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(content)).toBeGreaterThan(4090);
    expect(content.startsWith('**任务即将到期**\n\n进度')).toBe(true);
    expect(content.endsWith('…\n\n[查看任务](https://xiezuo.example.com/spaces/1/tasks/2)')).toBe(true);
  });
});

describe('truncateUtf8', () => {
  it('keeps text that fits and cuts at a character boundary otherwise', () => {
    expect(truncateUtf8('协作', 6)).toBe('协作');
    expect(truncateUtf8('协作平台', 8)).toBe('协…'); // 3 bytes + 3 for the ellipsis; a second 协 would need 9
    expect(truncateUtf8('a😀b', 6)).toBe('a😀b');
    expect(truncateUtf8('a😀b', 5)).toBe('a…'); // never half of the emoji's surrogate pair
  });
});
