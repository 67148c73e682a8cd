/**
 * The local DingTalk the browser tests sign in with (tests/e2e/platform-sign-in.spec.ts), started
 * by playwright.config.ts on E2E_PLATFORM_PORT (default 3191). Its authorisation page "scans" at
 * once as the one member below.
 */
import { startDingtalkServer } from '../support/platform-servers';

const port = Number(process.env.E2E_PLATFORM_PORT ?? 3191);

void startDingtalkServer({
  clientId: 'xiezuo-e2e-dingtalk',
  clientSecret: 'xiezuo-e2e-dingtalk-secret',
  departments: [{ dept_id: 10, name: '市场部', parent_id: 1 }],
  accounts: [{ unionId: 'e2e-union-ding', nick: '丁小钉' }],
  contacts: [{ userid: 'e2e-ding', unionid: 'e2e-union-ding', name: '丁晓婷', org_email: 'ding.xiaoting@dingtalk.example.com', dept_id_list: [10] }],
}, port).then((server) => {
  console.log(`DingTalk test server on ${server.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void server.close().finally(() => process.exit(0)));
  }
});
