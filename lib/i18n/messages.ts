import { createTranslator } from 'next-intl';
import type { Locale } from './config';
import en from './messages/en.json';
import zhCN from './messages/zh-CN.json';

export type Messages = typeof zhCN;

const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function loadMessages(locale: Locale): Messages {
  return catalogues[locale];
}

/** A translator usable outside React (route handlers, actions, the CLI). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale] });
}
