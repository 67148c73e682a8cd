import { NotImplemented } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import type { Actor } from '@/lib/auth/actor';
import { retroDocument } from './document';
import { retroToDocx } from './docx';
import { findCjkFont, retroToPdf } from './pdf';
import { getRetrospective } from './queries';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';


/** The retrospective as a file people pass around: .docx or .pdf, in the reader's language. */
export async function exportRetrospective(actor: Actor, spaceId: string, format: 'docx' | 'pdf', locale: Locale, timeZone: string) {
  const view = await getRetrospective(actor, spaceId);
  const document = retroDocument(view, locale, timeZone);
  if (format === 'docx') return { title: document.title, bytes: await retroToDocx(document), contentType: DOCX_CONTENT_TYPE };
  const font = findCjkFont();
  // Without a CJK font there is no readable PDF: 501, saying what to install.
  if (!font) throw NotImplemented('retro.errors.noCjkFont');
  return { title: document.title, bytes: await retroToPdf(document, font), contentType: 'application/pdf' };
}
