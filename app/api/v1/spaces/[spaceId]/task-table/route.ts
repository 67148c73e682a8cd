import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { fileDownload } from '@/lib/http/download';
import { readUploadedFile } from '@/lib/http/uploaded-file';
import { todayFor } from '@/lib/org/time-zone';
import { exportTaskTable } from '@/lib/tasks/export-tasks';
import { importTaskTable } from '@/lib/tasks/import-tasks';
import { SHEET_MAX_BYTES, XLSX_CONTENT_TYPE } from '@/lib/sheets/limits';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** The 跨部门任务表 as .xlsx; the task list's filters in the query string narrow it. */
export const GET = apiRoute<Params>(async ({ request, user, params }) => {
  const today = todayFor(user);
  const filters = Object.fromEntries(new URL(request.url).searchParams);
  const { bytes, fileName } = await exportTaskTable(userActor(user), params.spaceId, filters, today);
  return fileDownload(bytes, { fileName, fallbackName: `task-table-${today}.xlsx`, contentType: XLSX_CONTENT_TYPE });
});

/** Imports an edited table: multipart/form-data with the .xlsx in `file`. */
export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const bytes = await readUploadedFile(request, SHEET_MAX_BYTES, 'sheets.problems.sheetTooLarge');
  return importTaskTable(userActor(user), params.spaceId, bytes);
});
