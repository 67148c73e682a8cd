import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ZipArchive, type Archiver } from 'archiver';
import { createTranslator } from 'next-intl';
import { getDb, type Database } from '@/db/client';
import type { Space } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { utcToZonedTime } from '@/lib/dates';
import { getFileStorage } from '@/lib/files/storage';
import { escapeHtml } from '@/lib/notify/email-html';
import type { Locale } from '@/lib/i18n/config';
import { loadMessages } from '@/lib/i18n/messages';
import { retroDocument } from '@/lib/retro/document';
import { buildRetroView, readRetro } from '@/lib/retro/queries';
import { authorizeSpace } from '@/lib/spaces/access';
import { safeSegment, uniqueNames } from './entry-names';
import { htmlPage, linkList, retroDocumentHtml, richTextToHtml } from './html';
import { readChannels, readKnowledgePages, readLibraryFiles, readMeetingsSection, readMessagePages, readSpaceSection, readTasksSection } from './space-data';

/**
 * The whole space as a zip for records (GET /spaces/{id}/export): space.json, tasks.json,
 * messages.json, meetings.json, retrospective.json, files/… (each library file's current version
 * under its folder path), pages/*.html (knowledge pages), retrospective.html and index.html.
 * The permission is checked before the first byte; then the zip is written as it is read, one
 * entry at a time, so neither the archive nor the files are ever held in memory whole.
 */
export async function openSpaceExport(actor: Actor, spaceId: string, locale: Locale, timeZone: string): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const db = await getDb();
  const { space } = await authorizeSpace(db, actor, spaceId, 'space.export');
  await recordAudit(db, actor, { organizationId: space.organizationId, spaceId, action: 'space.export', targetType: 'space', targetId: spaceId });
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const now = new Date();
  writeEntries(archive, db, space, actorId(actor), locale, timeZone, now).catch((error: unknown) => {
    archive.abort();
    archive.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const day = utcToZonedTime(now, timeZone).slice(0, 10);
  return { fileName: `${safeSegment(space.name)}-${day}.zip`, body: Readable.toWeb(archive) as ReadableStream<Uint8Array> };
}

/** Adds one entry and waits until the archive has written it, so the next source is opened only then. */
function add(archive: Archiver, source: string | Readable, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: { name: string }) => {
      if (entry.name !== name) return;
      archive.off('entry', onEntry).off('error', reject);
      resolve();
    };
    archive.on('entry', onEntry).once('error', reject);
    archive.append(source, { name });
  });
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** messages.json written page by page: `{"channels": […], "messages": [` then each page, then `]}`. */
function messagesJson(db: Database, spaceId: string, channels: Awaited<ReturnType<typeof readChannels>>): Readable {
  async function* parts() {
    yield `{\n"channels": ${JSON.stringify(channels)},\n"messages": [\n`;
    let first = true;
    for await (const page of readMessagePages(db, spaceId, channels.map((c) => c.id))) {
      for (const message of page) {
        yield `${first ? '' : ',\n'}${JSON.stringify(message)}`;
        first = false;
      }
    }
    yield '\n]}\n';
  }
  return Readable.from(parts());
}

async function writeEntries(archive: Archiver, db: Database, space: Space, exporterId: string | null, locale: Locale, timeZone: string, now: Date) {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: 'retro.zip' });
  await add(archive, json(await readSpaceSection(db, space)), 'space.json');
  await add(archive, json(await readTasksSection(db, space.id)), 'tasks.json');
  await add(archive, messagesJson(db, space.id, await readChannels(db, space.id, exporterId)), 'messages.json');
  await add(archive, json(await readMeetingsSection(db, space.id)), 'meetings.json');

  const view = await buildRetroView(db, space, await readRetro(db, space.id), false, now);
  const { canEdit: _canEdit, ...retro } = view;
  await add(archive, json(retro), 'retrospective.json');
  const retroDoc = retroDocument(view, locale, timeZone, now);
  await add(archive, htmlPage(retroDoc.title, retroDocumentHtml(retroDoc), locale), 'retrospective.html');

  const name = uniqueNames();
  const pageLinks: { href: string; label: string }[] = [];
  for (const page of await readKnowledgePages(db, space)) {
    const entry = name(`pages/${safeSegment(page.title, 'page')}.html`);
    await add(archive, htmlPage(page.title, `<h1>${escapeHtml(page.title)}</h1>\n${richTextToHtml(page.content)}`, locale), entry);
    pageLinks.push({ href: entry, label: page.title });
  }

  const storage = getFileStorage();
  const fileLinks: { href: string; label: string }[] = [];
  for (const file of await readLibraryFiles(db, space.id)) {
    const opened = await storage.openRead(file.storageKey);
    if (!opened) continue; // bytes gone from the store: the file is listed in space data, not invented here
    const entry = name(['files', ...file.folderPath.map((s) => safeSegment(s)), safeSegment(file.name, 'file')].join('/'));
    await add(archive, Readable.fromWeb(opened.body as WebReadableStream<Uint8Array>), entry);
    fileLinks.push({ href: entry, label: [...file.folderPath, file.name].join(' / ') });
  }

  const data = (['space', 'tasks', 'messages', 'meetings', 'retrospective'] as const)
    .map((key) => ({ href: `${key}.json`, label: `${key}.json · ${t(`dataFiles.${key}`)}` }));
  const title = t('title', { name: space.name });
  const index = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(t('exportedAt', { date: utcToZonedTime(now, timeZone).replace('T', ' ') }))}</p>`,
    `<h2>${escapeHtml(t('retro'))}</h2>`, linkList([{ href: 'retrospective.html', label: retroDoc.title }], t('none')),
    `<h2>${escapeHtml(t('pages'))}</h2>`, linkList(pageLinks, t('none')),
    `<h2>${escapeHtml(t('files'))}</h2>`, linkList(fileLinks, t('none')),
    `<h2>${escapeHtml(t('data'))}</h2>`, linkList(data, t('none')),
  ].join('\n');
  await add(archive, htmlPage(title, index, locale), 'index.html');
  await archive.finalize();
}
