import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/messages';
import { richTextToPlainText } from '@/lib/rich-text/document';
import { endOf, type MeetingView } from './queries';

/** 会议纪要表, the template's fields in order, as text any export format can lay out. */
export interface MinutesTable {
  title: string;
  fields: { label: string; value: string }[];
  actionItems: { header: string[]; rows: string[][] };
}

/** The minutes table of a meeting in the reader's language and time zone. */
export function minutesTable(view: MeetingView, locale: Locale, timeZone: string): MinutesTable {
  const t = translatorFor(locale);
  const { meeting } = view;
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' });
  const list = (items: string[]) => items.join('、') || t('meetings.none');
  const present = view.attendees.filter((a) => !a.absent).map((a) => a.name);
  const absent = view.attendees.filter((a) => a.absent).map((a) => a.name);
  const agenda = view.agenda.map((a, i) => `${i + 1}. ${a.title}（${[a.ownerName, t('meetings.minutesUnit', { count: a.minutes })].filter(Boolean).join(' · ')}）`);
  const decisions = view.notes.filter((n) => n.isDecision).map((n, i) => `${i + 1}. ${n.body}`);
  return {
    title: `${t('meetings.table')}：${meeting.topic}`,
    fields: [
      { label: t('meetings.topic'), value: meeting.topic },
      { label: t('meetings.when'), value: `${date.format(meeting.startsAt)} – ${time.format(endOf(meeting))}` },
      { label: t('meetings.placeOrOnline'), value: [meeting.place, meeting.onlineUrl].filter(Boolean).join(' / ') || t('meetings.none') },
      { label: t('meetings.departments'), value: list(view.departments.map((d) => d.name)) },
      { label: t('meetings.attendees'), value: list(present) },
      { label: t('meetings.absentees'), value: list(absent) },
      { label: t('meetings.agenda'), value: agenda.join('\n') || t('meetings.none') },
      { label: t('meetings.minutes'), value: richTextToPlainText(meeting.minutes) || t('meetings.none') },
      { label: t('meetings.decisions'), value: decisions.join('\n') || t('meetings.none') },
      { label: t('meetings.nextMeeting'), value: meeting.nextMeeting || t('meetings.none') },
    ],
    actionItems: {
      header: [t('meetings.actionTitle'), t('meetings.owner'), t('meetings.helpers'), t('meetings.dueDate'), t('meetings.priority'), t('meetings.status')],
      rows: view.actionItems.map((item) => [
        item.title, item.ownerName, list(item.helpers.map((h) => h.name)), item.dueDate, t(`tasks.priorities.${item.priority}`),
        item.task ? t(`tasks.statuses.${item.task.status}`) : t('meetings.notSynced'),
      ]),
    },
  };
}
