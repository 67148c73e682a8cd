import { describe, expect, it } from 'vitest';
import { pinyinKey } from '@/lib/org/people';

describe('pinyin search keys', () => {
  it('holds the full pinyin and the initials, reading surnames as surnames', () => {
    expect(pinyinKey('王芳')).toBe('wangfang wf');
    expect(pinyinKey('曾小贤')).toBe('zengxiaoxian zxx');
  });
});
