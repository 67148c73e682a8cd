import { z } from 'zod';
import { optionalText } from '../fields';
import { PlatformApiError } from '../http';
import { callDingtalkTopapi } from './app-api';
import type { DingtalkConfig } from './config';

/** errcode of getbyunionid for someone who is not in the organisation's contacts. */
const NOT_IN_ORGANIZATION = '60121';
/** The root department of every DingTalk organisation. */
export const DINGTALK_ROOT_DEPARTMENT = 1;
const PAGE_SIZE = 100;


/** A person in the organisation's contacts (topapi/v2/user/get and topapi/v2/user/list). */
export const dingtalkUserSchema = z.object({
  userid: z.string().min(1),
  unionid: optionalText,
  name: optionalText,
  /** The organisation's mailbox (企业邮箱), assigned by its admins. */
  org_email: optionalText,
  email: optionalText,
  mobile: optionalText,
  job_number: optionalText,
  title: optionalText,
  dept_id_list: z.array(z.coerce.number()).catch([]).default([]),
  /** Whether the person has activated DingTalk yet; not whether they still work here. */
  active: z.boolean().optional().catch(undefined),
});
export type DingtalkUser = z.infer<typeof dingtalkUserSchema>;

export const dingtalkDepartmentSchema = z.object({
  dept_id: z.coerce.number(),
  name: z.string(),
  parent_id: z.coerce.number().optional().catch(undefined),
});
export type DingtalkDepartment = z.infer<typeof dingtalkDepartmentSchema>;

function parseResult<T>(schema: z.ZodType<T>, json: Record<string, unknown>, endpoint: string): T {
  const parsed = schema.safeParse(json.result);
  if (!parsed.success) throw new PlatformApiError('dingtalk', endpoint, 'bad_response', parsed.error.issues[0]?.message ?? '');
  return parsed.data;
}

/** The organisation's userid for a DingTalk account, or null when the account is not in its contacts. */
export async function dingtalkUserIdByUnionId(config: DingtalkConfig, unionid: string): Promise<string | null> {
  try {
    const json = await callDingtalkTopapi(config, '/topapi/user/getbyunionid', { unionid });
    return parseResult(z.object({ userid: z.string().min(1) }), json, '/topapi/user/getbyunionid').userid;
  } catch (error) {
    if (error instanceof PlatformApiError && error.code === NOT_IN_ORGANIZATION) return null;
    throw error;
  }
}

export async function getDingtalkUser(config: DingtalkConfig, userid: string): Promise<DingtalkUser> {
  const json = await callDingtalkTopapi(config, '/topapi/v2/user/get', { userid, language: 'zh_CN' });
  return parseResult(dingtalkUserSchema, json, '/topapi/v2/user/get');
}

/** The direct sub-departments of one department (raw records, see dingtalkDepartmentSchema). */
export async function listDingtalkSubDepartments(config: DingtalkConfig, deptId: number): Promise<unknown[]> {
  const json = await callDingtalkTopapi(config, '/topapi/v2/department/listsub', { dept_id: deptId, language: 'zh_CN' });
  return parseResult(z.array(z.unknown()), json, '/topapi/v2/department/listsub');
}

const userPageSchema = z.object({
  has_more: z.boolean().default(false),
  next_cursor: z.coerce.number().optional(),
  // Parsed one by one by the caller, so one odd record is skipped rather than failing the page.
  list: z.array(z.unknown()).default([]),
});

/** Everyone directly in one department, every page of it (raw records, see dingtalkUserSchema). */
export async function listDingtalkDepartmentUsers(config: DingtalkConfig, deptId: number): Promise<unknown[]> {
  const people: unknown[] = [];
  let cursor = 0;
  for (;;) {
    const json = await callDingtalkTopapi(config, '/topapi/v2/user/list', {
      dept_id: deptId, cursor, size: PAGE_SIZE, contain_access_limit: false, language: 'zh_CN',
    });
    const page = parseResult(userPageSchema, json, '/topapi/v2/user/list');
    people.push(...page.list);
    if (!page.has_more || page.next_cursor === undefined || page.next_cursor === cursor) return people;
    cursor = page.next_cursor;
  }
}
