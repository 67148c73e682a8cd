import { getRequestConfig } from 'next-intl/server';
import { loadMessages } from './messages';
import { resolveRequestLocale, resolveRequestTimeZone } from './locale';

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  return { locale, messages: loadMessages(locale), timeZone: await resolveRequestTimeZone() };
});
