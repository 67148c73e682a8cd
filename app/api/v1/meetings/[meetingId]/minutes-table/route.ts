import { userActor } from '@/lib/auth/actor';
import { Invalid } from '@/lib/errors';
import { apiRoute, localeFor } from '@/lib/http/api-route';
import { fileDownload } from '@/lib/http/download';
import { translatorFor } from '@/lib/i18n/messages';
import { minutesToDocx, minutesToXlsx } from '@/lib/meetings/minutes-export';
import { minutesTable } from '@/lib/meetings/minutes-table';
import { getMeeting } from '@/lib/meetings/queries';
import { timeZoneOf } from '@/lib/org/time-zone';
import { XLSX_CONTENT_TYPE } from '@/lib/sheets/limits';

export const dynamic = 'force-dynamic';

const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const unsafeInFileName = /[\\/:*?"<>|\u0000-\u001f]/g;

/** 会议纪要表 as `format=xlsx` (default) or `format=docx`; the print-ready page is /spaces/{id}/meetings/{id}/minutes. */
export const GET = apiRoute<{ meetingId: string }>(async ({ request, user, params }) => {
  const format = new URL(request.url).searchParams.get('format') ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'docx') throw Invalid({ format: ['invalid'] });
  const locale = localeFor(request, user);
  const view = await getMeeting(userActor(user), params.meetingId);
  const table = minutesTable(view, locale, timeZoneOf(user));
  const label = translatorFor(locale)('meetings.actionItems');
  const bytes = format === 'xlsx' ? await minutesToXlsx(table, label) : await minutesToDocx(table, label);
  const name = `${table.title.replace(unsafeInFileName, '_')}.${format}`;
  return fileDownload(bytes, { fileName: name, fallbackName: `minutes.${format}`, contentType: format === 'xlsx' ? XLSX_CONTENT_TYPE : DOCX_CONTENT_TYPE });
});
