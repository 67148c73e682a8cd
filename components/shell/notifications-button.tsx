import { Bell } from 'lucide-react';
import { getTranslations } from 'next-intl/server';

/** The notification centre's entry point; it lists nothing until notifications are delivered. */
export async function NotificationsButton() {
  const t = await getTranslations('nav');
  return (
    <details className="relative">
      <summary
        aria-label={t('notifications')}
        className="inline-flex size-10 cursor-pointer list-none items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        <Bell className="size-5" aria-hidden="true" />
      </summary>
      <div className="absolute right-0 z-50 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-4 shadow-lg">
        <p className="text-sm font-medium text-slate-900">{t('notifications')}</p>
        <p className="mt-2 text-sm text-slate-600">{t('noNotifications')}</p>
      </div>
    </details>
  );
}
