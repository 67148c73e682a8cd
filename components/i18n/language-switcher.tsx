import { getLocale, getTranslations } from 'next-intl/server';
import { locales } from '@/lib/i18n/config';
import { setLocaleAction } from '@/lib/i18n/actions';

/** Plain form buttons, so switching language works before any JavaScript has loaded. */
export async function LanguageSwitcher({ className = '' }: { className?: string }) {
  const [current, t] = await Promise.all([getLocale(), getTranslations('language')]);
  return (
    <form action={setLocaleAction} className={className}>
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">{t('label')}</legend>
        {locales.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={current === locale}
            className="min-h-9 rounded-md px-2.5 text-sm text-slate-600 hover:bg-slate-100 aria-pressed:bg-brand-50 aria-pressed:font-medium aria-pressed:text-brand-700"
          >
            {t(locale)}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
