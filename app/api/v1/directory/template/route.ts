import { userActor } from '@/lib/auth/actor';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { directoryTemplate } from '@/lib/directory/file-source';
import { apiRoute } from '@/lib/http/api-route';
import { fileDownload } from '@/lib/http/download';
import { XLSX_CONTENT_TYPE } from '@/lib/sheets/limits';

export const dynamic = 'force-dynamic';

/** The staff-list template to fill in and upload: `?format=xlsx` (default) or `csv`. */
export const GET = apiRoute(async ({ request, user }) => {
  assertCanInOrg(userActor(user), user.organizationId, 'org.manageUsers');
  const kind = new URL(request.url).searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  const bytes = await directoryTemplate(kind);
  const contentType = kind === 'csv' ? 'text/csv; charset=utf-8' : XLSX_CONTENT_TYPE;
  return fileDownload(bytes, { fileName: `通讯录模板.${kind}`, fallbackName: `directory-template.${kind}`, contentType });
});
