import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AttachmentList } from '@/components/files/attachment-list';
import { RichTextView } from '@/components/rich-text/rich-text-view';
import { getAttachmentsData } from '@/lib/files/page-data';
import { isLocale } from '@/lib/i18n/config';
import { minutesTable } from '@/lib/meetings/minutes-table';
import { getMeetingPageData } from '@/lib/meetings/page-data';

type Params = { params: Promise<{ spaceId: string; meetingId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { spaceId, meetingId } = await params;
  const [{ view }, t] = await Promise.all([getMeetingPageData(spaceId, meetingId), getTranslations('meetings')]);
  return { title: `${t('table')} · ${view.meeting.topic}` };
}

/** 会议纪要表, print-ready: the browser's "print / save as PDF" gives the PDF. */
export default async function MinutesTablePage({ params }: Params) {
  const { spaceId, meetingId } = await params;
  const [{ user, space, view, timeZone }, t, locale] = await Promise.all([getMeetingPageData(spaceId, meetingId), getTranslations('meetings'), getLocale()]);
  // The table is the record to print; attaching happens on the meeting page.
  const { attachments } = await getAttachmentsData(user, space.id, { type: 'meeting', id: view.meeting.id }, false);
  const table = minutesTable(view, isLocale(locale) ? locale : 'zh-CN', timeZone);
  const minutesLabel = t('minutes');
  // Columns that read as one token (date, priority, status) stay on one line; on a phone the table scrolls sideways.
  const oneLine = new Set([3, 4, 5]);
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <Link href={`/spaces/${space.id}/meetings/${view.meeting.id}`} className="inline-flex min-h-9 items-center gap-1 text-brand-700 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />{t('backToMeeting')}
        </Link>
      </p>
      <article className="print-area rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0" data-testid="minutes-table">
        <h2 className="mb-4 text-center text-xl font-semibold text-slate-900">{table.title}</h2>
        <table className="w-full table-fixed border-collapse text-sm">
          <tbody>
            {table.fields.map((field) => (
              <tr key={field.label}>
                <th scope="row" className="w-24 border border-slate-300 bg-slate-50 px-2 py-2 text-left align-top font-medium sm:w-32 sm:px-3">{field.label}</th>
                <td className="whitespace-pre-wrap border border-slate-300 px-2 py-2 align-top [overflow-wrap:anywhere] sm:px-3">
                  {field.label === minutesLabel && view.meeting.minutes ? <RichTextView doc={view.meeting.minutes} /> : field.value}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="mb-2 mt-6 font-semibold text-slate-900">{t('actionItems')}</h3>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-sm">
            <thead>
              <tr>{table.actionItems.header.map((h) => <th key={h} scope="col" className="whitespace-nowrap border border-slate-300 bg-slate-50 px-3 py-2 text-left font-medium">{h}</th>)}</tr>
            </thead>
            <tbody>
              {table.actionItems.rows.length === 0 ? (
                <tr><td colSpan={table.actionItems.header.length} className="border border-slate-300 px-3 py-2 text-slate-500">{t('noActionItems')}</td></tr>
              ) : table.actionItems.rows.map((row, i) => (
                <tr key={view.actionItems[i]!.id} className={view.actionItems[i]!.task?.status === 'done' ? 'text-slate-500 line-through' : ''}>
                  {row.map((text, j) => <td key={j} className={`border border-slate-300 px-3 py-2 align-top ${oneLine.has(j) ? 'whitespace-nowrap' : ''}`}>{text}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="mt-6">
          <AttachmentList spaceId={space.id} target={{ type: 'meeting', id: view.meeting.id }} attachments={attachments} choices={[]} canAttach={false} />
        </div>
      </article>
    </div>
  );
}
