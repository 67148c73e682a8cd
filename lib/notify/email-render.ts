import { appBaseUrl } from '@/lib/app-url';
import { localeOrDefault } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/messages';
import { escapeHtml, htmlEmail } from './email-html';
import { notificationSentence } from './lines';
import type { NotificationKind } from './rules';

export interface EmailReader {
  locale: string | null;
  timeZone: string;
}

/** A notification as an email in the reader's language: the line as subject and body, a link to it. */
export function renderNotificationEmail(
  notification: { kind: NotificationKind; data: Record<string, unknown>; actorName: string | null; href: string; spaceName?: string | null },
  reader: EmailReader,
): { subject: string; text: string; html: string } {
  const locale = localeOrDefault(reader.locale);
  const t = translatorFor(locale);
  const sentence = notificationSentence(notification, { locale, timeZone: reader.timeZone });
  const url = `${appBaseUrl()}${notification.href}`;
  const open = t('notifications.open');
  const space = notification.spaceName ? t('notifications.inSpace', { space: notification.spaceName }) : '';
  return {
    subject: `[${t('common.appName')}] ${sentence}`.slice(0, 200),
    text: [sentence, space, `${open}: ${url}`].filter(Boolean).join('\n\n'),
    html: htmlEmail(locale, `<p style="font-size:15px">${escapeHtml(sentence)}</p>`
      + (space ? `<p style="color:#64748b;font-size:13px">${escapeHtml(space)}</p>` : ''), { url, label: open }),
  };
}
