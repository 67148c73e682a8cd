import { z } from 'zod';
import { optionalText } from '../fields';
import { PlatformApiError } from '../http';
import { getFeishuApi } from './app-api';
import type { FeishuConfig } from './config';

/** The root department of every Feishu tenant. */
export const FEISHU_ROOT_DEPARTMENT = '0';
const PAGE_SIZE = 50;

const flag = z.boolean().optional().catch(undefined);

/** A person from contact/v3 (user_id_type=user_id, department_id_type=open_department_id). */
export const feishuUserSchema = z.object({
  open_id: z.string().min(1),
  union_id: optionalText,
  user_id: optionalText,
  name: optionalText,
  email: optionalText,
  enterprise_email: optionalText,
  mobile: optionalText,
  job_title: optionalText,
  employee_no: optionalText,
  department_ids: z.array(z.string()).catch([]).default([]),
  /** Departments with their order; `is_primary_dept` marks the main one. */
  orders: z.array(z.object({ department_id: z.string(), is_primary_dept: flag }).loose()).catch([]).default([]),
  status: z.object({ is_frozen: flag, is_resigned: flag, is_activated: flag, is_exited: flag }).loose().catch({}).default({}),
});
export type FeishuUser = z.infer<typeof feishuUserSchema>;

export const feishuDepartmentSchema = z.object({
  name: z.string(),
  open_department_id: z.string().min(1),
  parent_department_id: z.string().optional().catch(undefined),
  status: z.object({ is_deleted: flag }).loose().catch({}).default({}),
});
export type FeishuDepartment = z.infer<typeof feishuDepartmentSchema>;

const pageSchema = z.object({
  has_more: z.boolean().default(false),
  page_token: z.string().optional().nullable(),
  // Parsed one by one by the caller, so one odd record is skipped rather than failing the page.
  items: z.array(z.unknown()).nullable().catch([]).transform((items) => items ?? []),
});

async function listAllPages(config: FeishuConfig, path: string, query: Record<string, string>): Promise<unknown[]> {
  const items: unknown[] = [];
  let pageToken: string | undefined;
  for (;;) {
    const data = await getFeishuApi(config, path, { ...query, page_size: PAGE_SIZE, page_token: pageToken });
    const page = pageSchema.safeParse(data ?? {});
    if (!page.success) throw new PlatformApiError('feishu', path, 'bad_response', page.error.issues[0]?.message ?? '');
    items.push(...page.data.items);
    if (!page.data.has_more || !page.data.page_token || page.data.page_token === pageToken) return items;
    pageToken = page.data.page_token;
  }
}

/** The direct sub-departments of one department (raw records, see feishuDepartmentSchema). */
export function listFeishuChildDepartments(config: FeishuConfig, openDepartmentId: string): Promise<unknown[]> {
  return listAllPages(config, `/open-apis/contact/v3/departments/${encodeURIComponent(openDepartmentId)}/children`, {
    department_id_type: 'open_department_id', user_id_type: 'user_id', fetch_child: 'false',
  });
}

/** The people directly in one department (raw records, see feishuUserSchema). */
export function listFeishuDepartmentUsers(config: FeishuConfig, openDepartmentId: string): Promise<unknown[]> {
  return listAllPages(config, '/open-apis/contact/v3/users/find_by_department', {
    department_id: openDepartmentId, department_id_type: 'open_department_id', user_id_type: 'user_id',
  });
}
