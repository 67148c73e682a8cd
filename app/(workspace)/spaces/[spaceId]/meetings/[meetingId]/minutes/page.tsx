import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { RichTextView } from '@/components/rich-text/rich-text-view';
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
  const [{ view, timeZone }, t, locale] = await Promise.all([getMeetingPageData(spaceId, meetingId), getTranslations('meetings'), getLocale()]);
  const table = minutesTable(view, isLocale(locale) ? locale : 'zh-CN', timeZone);
  const minutesLabel = t('minutes');
  return (
    <article className="print-area rounded-lg border border-slate-200 bg-white p-6 print:border-0 print:p-0" data-testid="minutes-table">
      <h2 className="mb-4 text-center text-xl font-semibold text-slate-900">{table.title}</h2>
      <table className="w-full border-collapse text-sm">
        <tbody>
          {table.fields.map((field) => (
            <tr key={field.label}>
              <th scope="row" className="w-32 border border-slate-300 bg-slate-50 px-3 py-2 text-left align-top font-medium">{field.label}</th>
              <td className="whitespace-pre-wrap border border-slate-300 px-3 py-2 align-top">
                {field.label === minutesLabel && view.meeting.minutes ? <RichTextView doc={view.meeting.minutes} /> : field.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="mb-2 mt-6 font-semibold text-slate-900">{t('actionItems')}</h3>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr>{table.actionItems.header.map((h) => <th key={h} scope="col" className="border border-slate-300 bg-slate-50 px-3 py-2 text-left font-medium">{h}</th>)}</tr>
        </thead>
        <tbody>
          {table.actionItems.rows.length === 0 ? (
            <tr><td colSpan={table.actionItems.header.length} className="border border-slate-300 px-3 py-2 text-slate-500">{t('noActionItems')}</td></tr>
          ) : table.actionItems.rows.map((row, i) => (
            <tr key={view.actionItems[i]!.id} className={view.actionItems[i]!.task?.status === 'done' ? 'text-slate-500 line-through' : ''}>
              {row.map((text, j) => <td key={j} className="border border-slate-300 px-3 py-2">{text}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
