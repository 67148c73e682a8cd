import { describe, expect, it } from 'vitest';
import { clientPlatform } from '@/lib/platforms/user-agent';

describe('clientPlatform', () => {
  it('recognises the DingTalk, Feishu/Lark and WeCom clients by their user agents', () => {
    expect(clientPlatform('Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 AliApp(DingTalk/7.5.0) com.alibaba.android.rimet/36 Channel/700159 language/zh-CN')).toBe('dingtalk');
    expect(clientPlatform('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 DingTalk(7.5.0) Bundle/com.laiwang.DingTalk')).toBe('dingtalk');
    expect(clientPlatform('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Lark/7.1.0 LarkLocale/zh_CN ChannelName/Feishu')).toBe('feishu');
    expect(clientPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/120 Safari/537.36 Feishu/7.10.0')).toBe('feishu');
    expect(clientPlatform('Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh')).toBe('wecom');
  });

  it('does not take plain WeChat or an ordinary browser for one of them', () => {
    expect(clientPlatform('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI Language/zh_CN')).toBeNull();
    expect(clientPlatform('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36')).toBeNull();
    expect(clientPlatform(null)).toBeNull();
  });
});
