import type dns from 'node:dns';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import { checkWebhookUrl, guardedLookup, parseWebhookUrl, refusedAddressReason, type LookupAll } from '@/lib/notify/channels/webhook-url';

function fieldErrorOf(run: () => unknown): string[] | undefined {
  try {
    run();
  } catch (error) {
    return (error as { fieldErrors?: Record<string, string[]> }).fieldErrors?.url;
  }
  return undefined;
}

async function rejectionOf(promise: Promise<unknown>): Promise<string[] | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { fieldErrors?: Record<string, string[]> }).fieldErrors?.url;
  }
  return undefined;
}

describe('parseWebhookUrl', () => {
  it('accepts the platforms’ public webhook URLs', () => {
    for (const url of [
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
      'https://open.feishu.cn/open-apis/bot/v2/hook/1234-abcd',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6',
    ]) {
      expect(parseWebhookUrl(url).href).toBe(url);
    }
  });

  it('keeps loopback and private addresses allowed, for intranet relays', () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]:9000/', 'http://10.1.2.3/', 'http://192.168.0.10/', 'http://172.16.5.5/', 'http://[fd12:3456::1]/', 'http://100.64.1.1/']) {
      expect(() => parseWebhookUrl(url), url).not.toThrow();
    }
  });

  it('refuses schemes other than http and https, and text that is no URL', () => {
    for (const url of ['ftp://example.com/x', 'file:///etc/passwd', 'gopher://example.com/', 'javascript:alert(1)', 'example.com/hook', '']) {
      expect(fieldErrorOf(() => parseWebhookUrl(url)), url).toEqual(['urlInvalid']);
    }
  });

  it('refuses credentials in the URL', () => {
    expect(fieldErrorOf(() => parseWebhookUrl('https://user:secret@example.com/hook'))).toEqual(['webhookUrlCredentials']);
    expect(fieldErrorOf(() => parseWebhookUrl('https://user@example.com/hook'))).toEqual(['webhookUrlCredentials']);
  });

  it('refuses link-local, metadata, unspecified and multicast addresses however they are spelled', () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://169.254.1.1/',
      'http://169.254.169.254./',
      'http://2852039166/', // decimal 169.254.169.254
      'http://0xa9fea9fe/', // hex
      'http://0251.0376.0251.0376/', // octal
      'http://[::ffff:169.254.169.254]/', // IPv4-mapped IPv6
      'http://[::ffff:a9fe:a9fe]/',
      'http://[0:0:0:0:0:ffff:a9fe:a9fe]/',
      'http://[64:ff9b::a9fe:a9fe]/', // NAT64
      'http://[fe80::1]/',
      'http://[febf::1]/',
      'http://[fd00:ec2::254]/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://METADATA.google.internal./',
      'http://100.100.100.200/latest/meta-data/',
      'http://0.0.0.0/',
      'http://0/',
      'http://[::]/',
      'http://224.0.0.1/',
      'http://239.255.255.250:1900/',
      'http://[ff02::1]/',
      'http://255.255.255.255/',
    ]) {
      expect(fieldErrorOf(() => parseWebhookUrl(url)), url).toEqual(['webhookAddressRefused']);
    }
  });
});

describe('refusedAddressReason', () => {
  it('names why an address is refused and passes the rest', () => {
    expect(refusedAddressReason('169.254.169.254')).toBe('link-local');
    expect(refusedAddressReason('100.100.100.200')).toBe('cloud metadata');
    expect(refusedAddressReason('fd00:ec2::254')).toBe('cloud metadata');
    expect(refusedAddressReason('fe80::1%eth0')).toBe('link-local');
    expect(refusedAddressReason('::ffff:0.0.0.0')).toBe('unspecified');
    expect(refusedAddressReason('ff05::2')).toBe('multicast');
    expect(refusedAddressReason('100.100.100.201')).toBeNull();
    expect(refusedAddressReason('fd00:ec2::253')).toBeNull();
    expect(refusedAddressReason('::ffff:127.0.0.1')).toBeNull();
    expect(refusedAddressReason('2001:db8::1')).toBeNull();
    expect(refusedAddressReason('8.8.8.8')).toBeNull();
  });
});

describe('checkWebhookUrl', () => {
  it('refuses a host name that resolves to a metadata address', async () => {
    const resolve = async () => ['93.184.216.34', '169.254.169.254'];
    expect(await rejectionOf(checkWebhookUrl('https://hooks.example.com/x', { resolve }))).toEqual(['webhookAddressRefused']);
  });

  it('refuses a host name that resolves to an IPv4-mapped link-local address', async () => {
    const resolve = async () => ['::ffff:169.254.169.254'];
    expect(await rejectionOf(checkWebhookUrl('https://hooks.example.com/x', { resolve }))).toEqual(['webhookAddressRefused']);
  });

  it('refuses a host name that does not resolve', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect(await rejectionOf(checkWebhookUrl('https://nowhere.example/x', { resolve }))).toEqual(['webhookHostUnknown']);
  });

  it('returns the URL and its addresses when all are allowed', async () => {
    const resolve = async (host: string) => (host === 'relay.corp.example' ? ['10.0.0.8', 'fd12::8'] : []);
    const checked = await checkWebhookUrl('http://relay.corp.example:8080/dingtalk', { resolve });
    expect(checked.url.host).toBe('relay.corp.example:8080');
    expect(checked.addresses).toEqual(['10.0.0.8', 'fd12::8']);
  });

  it('checks an IP literal without asking DNS', async () => {
    const resolve = async () => {
      throw new Error('DNS must not be asked');
    };
    expect((await checkWebhookUrl('http://127.0.0.1:3000/', { resolve })).addresses).toEqual(['127.0.0.1']);
  });
});

describe('guardedLookup', () => {
  const lookupOf = (addresses: dns.LookupAddress[]): LookupAll => (_host, _options, callback) => callback(null, addresses);
  const run = (lookup: LookupAll, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      guardedLookup(lookup)('hooks.example.com', { all }, (error, address, family) => resolve({ error, address, family })),
    );

  it('refuses the connection when DNS now answers with a metadata address (rebinding)', async () => {
    const result = await run(lookupOf([{ address: '169.254.169.254', family: 4 }]), false);
    expect(result.error?.message).toMatch(/hooks\.example\.com resolves to a refused address \(169\.254\.169\.254, link-local\)/);
  });

  it('refuses when any one of several answers is refused', async () => {
    const result = await run(lookupOf([{ address: '93.184.216.34', family: 4 }, { address: 'fd00:ec2::254', family: 6 }]), true);
    expect(result.error?.message).toMatch(/cloud metadata/);
  });

  it('passes allowed answers on in the form the caller asked for', async () => {
    const answers = [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];
    expect(await run(lookupOf(answers), true)).toEqual({ error: null, address: answers, family: undefined });
    expect(await run(lookupOf(answers), false)).toEqual({ error: null, address: '127.0.0.1', family: 4 });
  });

  it('passes a DNS failure through', async () => {
    const failing: LookupAll = (_host, _options, callback) => callback(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), []);
    expect((await run(failing, false)).error?.message).toBe('getaddrinfo ENOTFOUND');
  });
});

describe('field error keys', () => {
  it('all have a message in both catalogues', () => {
    for (const key of ['urlInvalid', 'webhookUrlCredentials', 'webhookAddressRefused', 'webhookHostUnknown']) {
      expect(zhCN.validation, key).toHaveProperty(key);
      expect(en.validation, key).toHaveProperty(key);
    }
  });
});
