import { appBaseUrl } from '@/lib/app-url';
import { localeOrDefault } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/messages';
import type { WebhookMessage } from './channels/webhook-formats';
import { DIGEST_SECTION_MAX, digestSummary, type Digest, type DigestTask } from './digest-content';
import { escapeHtml, htmlEmail } from './email-html';
import type { EmailPayload } from './outbox';

// The daily digest in words: a person's email, and the space's summary for its group robots.
const SECTIONS = ['overdue', 'dueToday', 'blocked', 'upcoming'] as const;

interface Context {
  spaceId: string;
  spaceName: string;
  date: string;
  locale: string | null;
  /** Assignees' names, for the robot's lines (a group reads them). */
  names?: ReadonlyMap<string, string>;
}

function translator(locale: string | null) {
  const chosen = localeOrDefault(locale);
  return { t: translatorFor(chosen), locale: chosen };
}

function sectionLines(digest: Digest, context: Context): { title: string; lines: string[] }[] {
  const { t } = translator(context.locale);
  const taskLine = (task: DigestTask) => {
    const who = context.names?.get(task.assigneeId);
    const base = t('digest.taskLine', { number: task.number, name: task.name, due: task.dueDate });
    return who ? `${base} · ${who}` : base;
  };
  const sections = SECTIONS.map((section) => {
    const tasks = digest[section];
    const lines = tasks.slice(0, DIGEST_SECTION_MAX).map((task) =>
      section === 'blocked' && task.issue ? `${taskLine(task)} — ${t('digest.issueLine', { reason: task.issue.reason, solution: task.issue.proposedSolution })}` : taskLine(task));
    if (tasks.length > DIGEST_SECTION_MAX) lines.push(t('digest.more', { count: tasks.length - DIGEST_SECTION_MAX }));
    return { title: t(`digest.${section}`, { count: tasks.length }), lines };
  });
  const awaiting = digest.awaiting.slice(0, DIGEST_SECTION_MAX).map((c) =>
    t(c.overdue ? 'digest.awaitingOverdueLine' : 'digest.awaitingLine', { target: c.targetName, author: c.authorName ?? '' }));
  sections.push({ title: t('digest.awaiting', { count: digest.awaiting.length }), lines: awaiting });
  return sections.filter((section) => section.lines.length > 0);
}

const spaceUrl = (context: Context) => `${appBaseUrl()}/spaces/${context.spaceId}/tasks`;

/** One person's digest email: each non-empty section with its tasks, and a link to the space. */
export function digestEmail(digest: Digest, context: Context): EmailPayload {
  const { t, locale } = translator(context.locale);
  const summary = digestSummary(digest);
  const subject = t('digest.subject', { space: context.spaceName, date: context.date });
  const intro = t('notifications.kinds.digest_daily', { ...summary });
  const sections = sectionLines(digest, context);
  const url = spaceUrl(context);
  return {
    subject: `[${t('common.appName')}] ${subject}`,
    text: [intro, ...sections.map((s) => [s.title, ...s.lines.map((l) => `- ${l}`)].join('\n')), `${t('digest.open')}: ${url}`].join('\n\n'),
    html: htmlEmail(locale, `<h1 style="font-size:17px">${escapeHtml(subject)}</h1><p>${escapeHtml(intro)}</p>`
      + sections.map((s) => `<h2 style="font-size:15px;margin-top:16px">${escapeHtml(s.title)}</h2><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`).join(''),
      { url, label: t('digest.open') }),
  };
}

/** The space's digest for its group robots: counts, then the late, due and blocked tasks with who owns them. */
export function digestRobotMessage(digest: Digest, context: Context): WebhookMessage {
  const { t } = translator(context.locale);
  const sections = sectionLines({ ...digest, upcoming: [], awaiting: [] }, context);
  const counts = t('digest.robotCounts', digestSummary(digest));
  return {
    title: t('digest.subject', { space: context.spaceName, date: context.date }),
    text: [`**${t('digest.subject', { space: context.spaceName, date: context.date })}**`, counts, ...sections.map((s) => [`**${s.title}**`, ...s.lines.map((l) => `- ${l}`)].join('\n'))].join('\n\n'),
    url: spaceUrl(context),
    linkLabel: t('digest.open'),
  };
}
