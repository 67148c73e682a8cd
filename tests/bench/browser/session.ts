// The browser the benchmark drives: Debian's Chromium (never one Playwright downloads), one
// signed-in desktop context, and pages whose CPU can be slowed down like a phone's.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { addProbes } from './probes';

export const VIEWPORT = { width: 1440, height: 900 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A desktop context carrying the session cookie (`name=value` from signIn) for the app at `base`. */
export async function signedInContext(browser: Browser, base: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: base });
  const separator = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: base, httpOnly: true, sameSite: 'Lax' }]);
  await addProbes(context);
  return context;
}

/** A new page whose main thread runs `cpuSlowdown` times slower (1: as fast as this machine). */
export async function openPage(context: BrowserContext, cpuSlowdown: number): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  return page;
}
