import { describe, expect, it } from 'vitest';
import { PlatformApiError } from '@/lib/platforms/http';
import { type AppToken, callWithAppToken } from '@/lib/platforms/token-cache';

/** An app token whose platform issues `token-1`, `token-2`, … and counts how often it was asked. */
function issuingToken(key: string): AppToken & { issued: number } {
  const token = {
    key,
    issued: 0,
    staleCodes: new Set(['42001']),
    fetch: async () => ({ value: `token-${++token.issued}`, expiresInSeconds: 7200 }),
  };
  return token;
}

const stale = () => new PlatformApiError('wecom', '/cgi-bin/user/get', '42001', 'access_token expired');

describe('calling a platform API with the app token', () => {
  it('reuses the cached token across calls', async () => {
    const token = issuingToken(`reuse-${Math.random()}`);
    expect(await callWithAppToken(token, async (value) => value)).toBe('token-1');
    expect(await callWithAppToken(token, async (value) => value)).toBe('token-1');
    expect(token.issued).toBe(1);
  });

  it('fetches a new token once when the platform calls the cached one stale', async () => {
    const token = issuingToken(`stale-${Math.random()}`);
    await callWithAppToken(token, async (value) => value);
    const seen: string[] = [];
    const answer = await callWithAppToken(token, async (value) => {
      seen.push(value);
      if (value === 'token-1') throw stale();
      return 'ok';
    });
    expect(answer).toBe('ok');
    expect(seen).toEqual(['token-1', 'token-2']);
  });

  it('gives up after the second stale answer, and passes other failures straight on', async () => {
    const token = issuingToken(`twice-${Math.random()}`);
    let calls = 0;
    await expect(callWithAppToken(token, async () => {
      calls++;
      throw stale();
    })).rejects.toThrow(/42001/);
    expect(calls).toBe(2);

    const other = issuingToken(`other-${Math.random()}`);
    let otherCalls = 0;
    await expect(callWithAppToken(other, async () => {
      otherCalls++;
      throw new PlatformApiError('wecom', '/cgi-bin/user/get', '60111', 'userid not found');
    })).rejects.toThrow(/60111/);
    expect(otherCalls).toBe(1);
    expect(other.issued).toBe(1);
  });
});
