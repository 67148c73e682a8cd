import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { DigestScheduleForm } from '@/components/notify/digest-schedule-form';
import { WebhookForm } from '@/components/notify/webhook-form';
import { ActionButton } from '@/components/ui/action-button';
import { userActor } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { addSpaceWebhookAction, removeSpaceWebhookAction, saveDigestScheduleAction } from '@/lib/notify/actions';
import { emailEnabled } from '@/lib/notify/channels/email';
import { getDigestSchedule, listSpaceDeliveries, listSpaceWebhooks } from '@/lib/notify/space-settings';
import { flattenDepartmentTree, listDepartmentTree } from '@/lib/org/queries';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface DeliveryPageProps {
  params: Promise<{ spaceId: string }>;
}

export async function generateMetadata({ params }: DeliveryPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('deliverySettings')]);
  return { title: `${t('title')} · ${space.name}` };
}

const card = 'rounded-lg border border-slate-200 bg-white p-4 sm:p-6';

/** 提醒与机器人: the daily digest, the space's group robots, and what could not be delivered (space admins). */
export default async function DeliverySettingsPage({ params }: DeliveryPageProps) {
  const { space, allowed, user } = await getSpacePageData((await params).spaceId);
  if (!allowed.has('space.viewAudit')) notFound();
  const actor = userActor(user);
  const [t, format, schedule, robots, recent, tree] = await Promise.all([
    getTranslations('deliverySettings'), getFormatter(), getDigestSchedule(actor, space.id), listSpaceWebhooks(actor, space.id),
    listSpaceDeliveries(actor, space.id), listDepartmentTree(user.organizationId),
  ]);
  const canEdit = allowed.has('space.manageSettings');
  const timeZone = timeZoneOf(user);
  const when = (date: Date) => format.dateTime(date, { timeZone, dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="space-y-6">
      <Link href={`/spaces/${space.id}/settings`} className="text-sm text-brand-700">← {t('back')}</Link>
      <section aria-labelledby="digest-title" className={card}>
        <h2 id="digest-title" className="text-base font-semibold text-slate-900">{t('digest')}</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t('digestHint')}</p>
        {!emailEnabled() && <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('emailOff')}</p>}
        {canEdit ? (
          <DigestScheduleForm
            spaceId={space.id} action={saveDigestScheduleAction} departments={flattenDepartmentTree(tree)}
            defaults={schedule ?? { enabled: true, timeOfDay: '09:00', daysOfWeek: [1, 2, 3, 4, 5], timeZone: env.DEFAULT_TIME_ZONE, audiences: ['assignees', 'helpers'], departmentIds: [] }}
          />
        ) : (
          <p className="text-sm text-slate-700">{schedule ? `${schedule.timeOfDay} (${schedule.timeZone})` : t('noSchedule')}</p>
        )}
      </section>

      <section aria-labelledby="robots-title" className={card}>
        <h2 id="robots-title" className="text-base font-semibold text-slate-900">{t('robots')}</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t('robotsHint')}</p>
        {robots.length === 0 ? <p className="mb-4 text-sm text-slate-500">{t('noRobots')}</p> : (
          <ul className="mb-4 divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="robot-list">
            {robots.map((robot) => (
              <li key={robot.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <span className="font-medium text-slate-900">{robot.name}</span>
                <span className="text-slate-600">{t(`kinds.${robot.kind}`)} · {robot.host}{robot.signed ? ` · ${t('signed')}` : ''}</span>
                {canEdit && <span className="ml-auto"><ActionButton action={removeSpaceWebhookAction} fields={{ webhookId: robot.id }} label={t('remove')} tone="danger" confirm={t('removeConfirm')} /></span>}
              </li>
            ))}
          </ul>
        )}
        {canEdit && <WebhookForm spaceId={space.id} action={addSpaceWebhookAction} />}
      </section>

      <section aria-labelledby="deliveries-title" className={card}>
        <h2 id="deliveries-title" className="text-base font-semibold text-slate-900">{t('deliveries')}</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t('deliveriesHint')}</p>
        {recent.length === 0 ? <p className="text-sm text-slate-500">{t('noDeliveries')}</p> : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="delivery-list">
              <thead className="text-xs text-slate-500">
                <tr><th className="py-1 pr-3 font-medium">{t('time')}</th><th className="pr-3 font-medium">{t('channel')}</th><th className="pr-3 font-medium">{t('subject')}</th><th className="pr-3 font-medium">{t('status')}</th><th className="font-medium">{t('error')}</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {recent.map((d) => (
                  <tr key={d.id} className="align-top">
                    <td className="py-2 pr-3 whitespace-nowrap text-slate-600">{when(d.createdAt)}</td>
                    <td className="pr-3 text-slate-700">{t(`channels.${d.channel}`)}</td>
                    <td className="pr-3 text-slate-900">{d.subject}</td>
                    <td className={`pr-3 whitespace-nowrap ${d.status === 'failed' ? 'font-medium text-red-700' : d.status === 'sent' ? 'text-green-700' : 'text-slate-700'}`}>
                      {t(`statuses.${d.status}`)}{d.status !== 'sent' && d.attempts > 0 ? ` · ${t('attempts', { count: d.attempts })}` : ''}
                    </td>
                    <td className="break-all text-xs text-slate-600">{d.lastError}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
