import { userActor } from '@/lib/auth/actor';
import { previewFromApi } from '@/lib/directory/api';
import { apiRoute } from '@/lib/http/api-route';
import { readUploadedFile } from '@/lib/http/uploaded-file';
import { SHEET_MAX_BYTES } from '@/lib/sheets/limits';

export const dynamic = 'force-dynamic';

/** A dry run: the changes a sync would make (org admins). The file source takes the CSV/xlsx in `file`. */
export const POST = apiRoute<{ source: string }>(async ({ request, user, params }) =>
  previewFromApi(userActor(user), user.organizationId, params.source, () => readUploadedFile(request, SHEET_MAX_BYTES, 'sheets.problems.sheetTooLarge')));
