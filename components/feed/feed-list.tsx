import { CalendarDays, CheckCircle2, FileText, Flag, Megaphone, OctagonAlert, PlusCircle, UserPlus } from 'lucide-react';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { feedHref, feedLineText } from '@/lib/feed/lines';
import type { FeedItem } from '@/lib/feed/queries';
import type { FeedKind } from '@/lib/feed/rules';

const ICONS: Record<FeedKind, ReactNode> = {
  'task.created': <PlusCircle className="size-4 text-slate-500" aria-hidden="true" />,
  'task.completed': <CheckCircle2 className="size-4 text-green-600" aria-hidden="true" />,
  'task.blocked': <OctagonAlert className="size-4 text-red-600" aria-hidden="true" />,
  'member.joined': <UserPlus className="size-4 text-brand-600" aria-hidden="true" />,
  'file.uploaded': <FileText className="size-4 text-slate-500" aria-hidden="true" />,
  'file.version': <FileText className="size-4 text-slate-500" aria-hidden="true" />,
  'meeting.scheduled': <CalendarDays className="size-4 text-slate-500" aria-hidden="true" />,
  'meeting.decision': <Megaphone className="size-4 text-amber-600" aria-hidden="true" />,
  'milestone.reached': <Flag className="size-4 text-green-600" aria-hidden="true" />,
  'announcement.posted': <Megaphone className="size-4 text-amber-600" aria-hidden="true" />,
};

/** The feed's lines, each a sentence in the reader's language with a link to what it is about. */
export async function FeedList({ spaceId, items, timeZone }: { spaceId: string; items: FeedItem[]; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations('feed'), getFormatter()]);
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="feed-list">
      {items.map((item) => {
        const line = feedLineText(item, t('someone'));
        const text = t(`lines.${line.key}`, line.values);
        const href = feedHref(spaceId, item);
        return (
          <li key={item.id} className="flex gap-3 px-4 py-3" data-kind={item.kind}>
            <span className="mt-0.5 shrink-0">{ICONS[item.kind]}</span>
            <div className="min-w-0 flex-1">
              {href ? <Link href={href} className="text-sm break-words text-slate-900 hover:text-brand-700 hover:underline">{text}</Link> : <p className="text-sm break-words text-slate-900">{text}</p>}
              <time dateTime={item.createdAt.toISOString()} className="mt-0.5 block text-xs text-slate-500">
                {format.dateTime(item.createdAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
