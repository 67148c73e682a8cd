import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('negotiateLocale', () => {
  it('defaults to Simplified Chinese without a header', () => {
    expect(negotiateLocale(null)).toBe('zh-CN');
    expect(negotiateLocale('')).toBe('zh-CN');
  });

  it('maps every Chinese variant to zh-CN and English variants to en', () => {
    expect(negotiateLocale('zh-TW,zh;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
  });

  it('honours q-values over order', () => {
    expect(negotiateLocale('zh-CN;q=0.4,en-US;q=0.8')).toBe('en');
    expect(negotiateLocale('fr-FR,en;q=0.5,zh;q=0.7')).toBe('zh-CN');
  });

  it('ignores languages it does not speak and refused ones', () => {
    expect(negotiateLocale('fr-FR,de;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('en;q=0,fr')).toBe('zh-CN');
  });
});

describe('message catalogues', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });

  it('have no empty message', () => {
    for (const catalogue of [en, zhCN]) {
      const empty = keysOf(catalogue).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
