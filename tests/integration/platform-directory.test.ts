import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '@/lib/directory/snapshot';
import { dingtalkDirectoryConfigFromEnv, dingtalkDirectoryReader } from '@/lib/platforms/dingtalk/directory';
import type { DingtalkConfig } from '@/lib/platforms/dingtalk/config';
import { feishuDirectoryConfigFromEnv, feishuDirectoryReader } from '@/lib/platforms/feishu/directory';
import type { FeishuConfig } from '@/lib/platforms/feishu/config';
import { PlatformApiError } from '@/lib/platforms/http';
import { type DingtalkServer, type FeishuServer, startDingtalkServer, startFeishuServer } from '../support/platform-servers';

// The readers only read: no database. They run against local servers that page like the real APIs.
let dingtalk: DingtalkServer;
let feishu: FeishuServer;
let dingtalkConfig: DingtalkConfig;
let feishuConfig: FeishuConfig;

beforeAll(async () => {
  dingtalk = await startDingtalkServer({
    clientId: 'ding-dir-key', clientSecret: 'ding-dir-secret', accounts: [], maxPageSize: 2,
    departments: [
      { dept_id: 10, name: '市场部', parent_id: 1 },
      { dept_id: 11, name: '品牌组', parent_id: 10 },
      { dept_id: 12, name: '研发部', parent_id: 1 },
      { dept_id: 13, name: '  ', parent_id: 12 },
      // 市场部 listed again under its own child: a cycle in the platform's tree.
      { dept_id: 10, name: '市场部', parent_id: 11 },
    ],
    contacts: [
      { userid: 'ceo', unionid: 'u-ceo', name: '赵总', dept_id_list: [1], title: '总经理', org_email: 'ceo@corp.example' },
      { userid: 'm1', unionid: 'u-m1', name: '钱一', dept_id_list: [10], org_email: 'm1@corp.example', email: 'm1@personal.example', mobile: '13800000001', job_number: 'E001', title: '市场经理' },
      { userid: 'm2', unionid: 'u-m2', name: '孙二', dept_id_list: [10], email: 'm2@personal.example', job_number: 'E002' },
      { userid: 'm3', unionid: 'u-m3', name: '李三', dept_id_list: [10], active: false },
      { userid: 'm4', unionid: 'u-m4', name: '周四', dept_id_list: [10] },
      { userid: 'm5', unionid: 'u-m5', name: '吴五', dept_id_list: [10] },
      { userid: 'both', unionid: 'u-both', name: '郑六', dept_id_list: [11, 12] },
      { userid: 'noname', unionid: 'u-noname', dept_id_list: [12] },
      { unionid: 'u-broken', name: '没有userid', dept_id_list: [12] } as never,
    ],
  });
  dingtalkConfig = { clientId: 'ding-dir-key', clientSecret: 'ding-dir-secret', loginUrl: dingtalk.url, apiUrl: dingtalk.url, oapiUrl: dingtalk.url };

  feishu = await startFeishuServer({
    appId: 'cli_dir', appSecret: 'feishu-dir-secret', maxPageSize: 2,
    departments: [
      { open_department_id: 'od-sales', name: '销售部', parent_department_id: '0' },
      { open_department_id: 'od-north', name: '华北区', parent_department_id: 'od-sales' },
      { open_department_id: 'od-south', name: '华南区', parent_department_id: 'od-sales' },
      { open_department_id: 'od-rnd', name: '研发部', parent_department_id: '0' },
      { open_department_id: 'od-gone', name: '已撤销', parent_department_id: '0', status: { is_deleted: true } },
    ],
    users: [
      { open_id: 'ou-boss', union_id: 'on-boss', user_id: 'boss', name: '老板', department_ids: ['0'] },
      {
        open_id: 'ou-a', union_id: 'on-a', user_id: 'ua', name: '甲', enterprise_email: 'a@corp.example', email: 'a@personal.example',
        mobile: '+8613900000001', job_title: '销售经理', employee_no: 'F001', department_ids: ['od-north', 'od-rnd'],
        orders: [{ department_id: 'od-north', is_primary_dept: false }, { department_id: 'od-rnd', is_primary_dept: true }],
      },
      { open_id: 'ou-b', union_id: 'on-b', user_id: 'ub', name: '乙', email: 'b@personal.example', department_ids: ['od-north'], status: { is_resigned: true } },
      { open_id: 'ou-c', union_id: 'on-c', user_id: 'uc', name: '丙', department_ids: ['od-north'], status: { is_frozen: true } },
      { open_id: 'ou-d', union_id: 'on-d', user_id: 'ud', name: '丁', department_ids: ['od-north'], status: { is_activated: false } },
      { open_id: 'ou-e', union_id: 'on-e', name: '戊', department_ids: ['od-south'] },
      { open_id: 'ou-f', union_id: 'on-f', user_id: 'uf', department_ids: ['od-south'] },
      { union_id: 'on-g', name: '没有 open_id', department_ids: ['od-south'] } as never,
    ],
  });
  feishuConfig = { appId: 'cli_dir', appSecret: 'feishu-dir-secret', baseUrl: feishu.url, accountsUrl: feishu.url };
});
afterAll(async () => {
  await Promise.all([dingtalk?.close(), feishu?.close()]);
});

const byId = (people: DirectoryPerson[]) => new Map(people.map((p) => [p.externalId, p]));

describe('DingTalk contact reader', () => {
  it('walks the department tree below the organisation, skipping a cycle and a nameless department', async () => {
    const snapshot = await dingtalkDirectoryReader(dingtalkConfig).read();
    expect(snapshot.source).toBe('dingtalk');
    expect(snapshot.departments).toEqual([
      { externalId: '10', name: '市场部', parentExternalId: null },
      { externalId: '12', name: '研发部', parentExternalId: null },
      { externalId: '11', name: '品牌组', parentExternalId: '10' },
    ]);
    expect(snapshot.skipped).toEqual(expect.arrayContaining([
      { record: '部门 市场部 (10)', reason: expect.stringContaining('循环') },
      { record: expect.stringContaining('"dept_id":13'), reason: '缺少部门 ID 或名称' },
    ]));
    const listsub = dingtalk.requestsTo('/topapi/v2/department/listsub');
    expect(listsub[0]).toMatchObject({ method: 'POST', query: { access_token: expect.stringMatching(/^dt-app-/) }, body: { dept_id: 1, language: 'zh_CN' } });
  });

  it('reads every page of every department and maps each person once, in their main department', async () => {
    dingtalk.requests.length = 0;
    const snapshot = await dingtalkDirectoryReader(dingtalkConfig).read();
    const people = byId(snapshot.people);
    expect([...people.keys()].sort()).toEqual(['both', 'ceo', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(people.get('m1')).toEqual({
      externalId: 'm1', name: '钱一', email: 'm1@corp.example', emailVerified: true, phone: '13800000001', title: '市场经理',
      employeeId: 'E001', departmentExternalId: '10', active: true,
    });
    // A personal address is kept for contact, but vouched for by nobody: it never matches an existing account.
    expect(people.get('m2')).toMatchObject({ email: 'm2@personal.example', emailVerified: false, employeeId: 'E002' });
    expect(people.get('ceo')).toMatchObject({ departmentExternalId: null, title: '总经理' });
    expect(people.get('both')).toMatchObject({ departmentExternalId: '11' });
    // `active: false` in DingTalk means "has not activated the app yet"; leavers vanish from the contacts.
    expect(people.get('m3')?.active).toBe(true);

    const pages = dingtalk.requestsTo('/topapi/v2/user/list').filter((r) => r.body?.dept_id === 10);
    expect(pages.map((r) => r.body?.cursor)).toEqual([0, 2, 4]);
    expect(pages[0]!.body).toMatchObject({ size: 100, contain_access_limit: false });
  });

  it('lists the records it cannot map, with the reason', async () => {
    const { skipped } = await dingtalkDirectoryReader(dingtalkConfig).read();
    expect(skipped).toEqual(expect.arrayContaining([
      { record: 'userid noname', reason: '没有姓名', externalId: 'noname' },
      { record: '没有userid', reason: expect.stringContaining('userid') },
    ]));
  });

  it('fetches a new app token when DingTalk no longer accepts the cached one', async () => {
    await dingtalkDirectoryReader(dingtalkConfig).read();
    dingtalk.revokeAppTokens();
    dingtalk.requests.length = 0;
    const snapshot = await dingtalkDirectoryReader(dingtalkConfig).read();
    expect(snapshot.people.length).toBeGreaterThan(0);
    expect(dingtalk.requestsTo('/gettoken')).toHaveLength(1);
  });

  it('fails clearly when DingTalk refuses the app, without naming its secret', async () => {
    const reader = dingtalkDirectoryReader({ ...dingtalkConfig, clientSecret: 'not-the-secret' });
    const error = await reader.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformApiError);
    expect(error).toMatchObject({ platform: 'dingtalk', endpoint: '/gettoken', code: '40089' });
    expect(String((error as Error).message)).not.toContain('not-the-secret');
  });

  it('is not configured without the app credentials', () => {
    expect(dingtalkDirectoryConfigFromEnv()).toBeNull();
    expect(feishuDirectoryConfigFromEnv()).toBeNull();
  });
});

describe('Feishu contact reader', () => {
  it('walks every page of the tree, leaving out deleted departments', async () => {
    feishu.requests.length = 0;
    const snapshot = await feishuDirectoryReader(feishuConfig).read();
    expect(snapshot.source).toBe('feishu');
    expect(snapshot.departments).toEqual([
      { externalId: 'od-sales', name: '销售部', parentExternalId: null },
      { externalId: 'od-rnd', name: '研发部', parentExternalId: null },
      { externalId: 'od-north', name: '华北区', parentExternalId: 'od-sales' },
      { externalId: 'od-south', name: '华南区', parentExternalId: 'od-sales' },
    ]);
    const rootPages = feishu.requestsTo('/open-apis/contact/v3/departments/0/children');
    expect(rootPages.map((r) => r.query.page_token)).toEqual([undefined, '2']);
    expect(rootPages[0]).toMatchObject({
      query: { department_id_type: 'open_department_id', user_id_type: 'user_id', fetch_child: 'false', page_size: '50' },
      headers: { authorization: expect.stringMatching(/^Bearer t-/) },
    });
    expect(feishu.requestsTo('/open-apis/auth/v3/tenant_access_token/internal')[0]!.body).toEqual({ app_id: 'cli_dir', app_secret: 'feishu-dir-secret' });
  });

  it('maps people by user_id (open_id without one), main department, organisation mailbox and leaver status', async () => {
    feishu.requests.length = 0;
    const snapshot = await feishuDirectoryReader(feishuConfig).read();
    const people = byId(snapshot.people);
    expect([...people.keys()].sort()).toEqual(['boss', 'ou-e', 'ua', 'ub', 'uc', 'ud']);
    expect(people.get('ua')).toEqual({
      externalId: 'ua', name: '甲', email: 'a@corp.example', emailVerified: true, phone: '+8613900000001', title: '销售经理',
      employeeId: 'F001', departmentExternalId: 'od-rnd', active: true,
    });
    expect(people.get('boss')).toMatchObject({ departmentExternalId: null });
    expect(people.get('ub')).toMatchObject({ email: 'b@personal.example', emailVerified: false, active: false });
    expect(people.get('uc')?.active).toBe(false);
    expect(people.get('ud')?.active).toBe(true);
    expect(people.get('ou-e')).toMatchObject({ departmentExternalId: 'od-south' });

    const north = feishu.requestsTo('/open-apis/contact/v3/users/find_by_department').filter((r) => r.query.department_id === 'od-north');
    expect(north.map((r) => r.query.page_token)).toEqual([undefined, '2']);
    expect(north[0]!.query).toMatchObject({ department_id_type: 'open_department_id', user_id_type: 'user_id' });
    expect(snapshot.skipped).toEqual(expect.arrayContaining([
      { record: 'open_id ou-f', reason: '没有姓名', externalId: 'uf' },
      { record: '没有 open_id', reason: expect.stringContaining('open_id') },
    ]));
  });

  it('fails clearly when Feishu refuses the app', async () => {
    const error = await feishuDirectoryReader({ ...feishuConfig, appSecret: 'wrong', baseUrl: `${feishu.url}/` }).read().catch((e: unknown) => e);
    expect(error).toMatchObject({ platform: 'feishu', code: '10014' });
  });
});
