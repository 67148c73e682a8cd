import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { fileDownload } from '@/lib/http/download';
import { readUploadedFile } from '@/lib/http/uploaded-file';
import { todayFor } from '@/lib/org/time-zone';
import { SHEET_MAX_BYTES, XLSX_CONTENT_TYPE } from '@/lib/sheets/limits';
import { exportProgressTable, importProgressTable } from '@/lib/tasks/progress-table';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** The 项目进度表 as .xlsx. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  const today = todayFor(user);
  const { bytes, fileName } = await exportProgressTable(userActor(user), params.spaceId, today);
  return fileDownload(bytes, { fileName, fallbackName: `progress-table-${today}.xlsx`, contentType: XLSX_CONTENT_TYPE });
});

/** Imports an edited table: multipart/form-data with the .xlsx in `file`. */
export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const bytes = await readUploadedFile(request, SHEET_MAX_BYTES, 'sheets.problems.sheetTooLarge');
  return importProgressTable(userActor(user), params.spaceId, bytes, todayFor(user));
});
