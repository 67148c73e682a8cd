import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { TokenList } from '@/components/settings/token-list';

vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) => (key: string, values?: Record<string, string>) =>
    `${namespace}.${key}${values ? `(${Object.values(values).join(',')})` : ''}`,
}));

const revoke = async () => null;
const token = (overrides: Partial<{ id: string; name: string; prefix: string; revokedAt: Date | null }> = {}) => ({
  id: 't1', name: 'Okta', prefix: 'xz_scim_abc123', revokedAt: null, ...overrides,
});

describe('the token list of the settings and SCIM pages', () => {
  it('says there are none in the page’s own words', async () => {
    const html = renderToStaticMarkup(await TokenList({ tokens: [], revokeAction: revoke, namespace: 'scimAdmin', details: () => '', testId: 'x' }));
    expect(html).toContain('scimAdmin.noTokens');
  });

  it('shows each token by name and prefix with its details, revocable until revoked', async () => {
    const html = renderToStaticMarkup(await TokenList({
      tokens: [token(), token({ id: 't2', name: 'Old', revokedAt: new Date() })],
      revokeAction: revoke,
      namespace: 'settings',
      details: (t) => `used by ${t.name}`,
      testId: 'token-list',
    }));
    expect(html).toContain('data-testid="token-list"');
    expect(html).toContain('xz_scim_abc123…');
    expect(html).toContain('used by Okta');
    expect(html).toContain('aria-label="settings.revokeTokenNamed(Okta)"');
    expect(html).not.toContain('settings.revokeTokenNamed(Old)');
    expect(html).toContain('settings.tokenRevokedState');
  });
});
