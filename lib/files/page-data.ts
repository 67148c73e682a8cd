import { and, eq, inArray } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { meetings, tasks, type User } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { allowedSpaceActions, type SpaceAction } from '@/lib/auth/permissions';
import { messageHref } from '@/lib/chat/links';
import { messageLocation } from '@/lib/chat/queries';
import { NotFound } from '@/lib/errors';
import { loadOrNotFound } from '@/lib/http/page-data';
import { previewOf } from './previews';
import { attachmentsOf } from './attachments';
import { folderChoices, getFileDetails, listLibrary, recentFiles } from './queries';
import type { FileResource, FolderResource } from './resources';
import { signedContentUrl } from './signed-url';

/**
 * What the library page shows: the listing, the folders to move things into, and which items
 * the viewer may change (their own while they may upload, everything for the space's leads).
 */
export async function getLibraryPageData(user: User, spaceId: string, allowed: Set<SpaceAction>, query: { folder?: string; q?: string; starred?: string }) {
  const actor = userActor(user);
  const listing = await loadOrNotFound(() => listLibrary(actor, spaceId, { folderId: query.folder, q: query.q, starred: query.starred }));
  const choices = allowed.has('file.upload') ? await folderChoices(await getDb(), spaceId) : [];
  const mayChange = (createdBy: { id: string } | null) => allowed.has('file.manage') || (allowed.has('file.upload') && createdBy?.id === user.id);
  const changeable = new Set<string>([
    ...listing.folders.filter((f: FolderResource) => mayChange(f.createdBy)).map((f) => f.id),
    ...listing.files.filter((f: FileResource) => mayChange(f.createdBy)).map((f) => f.id),
  ]);
  return { listing, choices, changeable };
}

/** A label and a link for each thing a file is attached to (tasks by number and name, meetings by topic, messages by place). */
async function attachmentLinks(user: User, spaceId: string, attachments: { id: string; targetType: string; targetId: string }[]) {
  const actor = userActor(user);
  const db = await getDb();
  const idsOf = (type: string) => attachments.filter((a) => a.targetType === type).map((a) => a.targetId);
  const [taskIds, meetingIds] = [idsOf('task'), idsOf('meeting')];
  const [namedTasks, namedMeetings] = await Promise.all([
    taskIds.length ? db.select({ id: tasks.id, number: tasks.number, name: tasks.name }).from(tasks).where(and(eq(tasks.spaceId, spaceId), inArray(tasks.id, taskIds))) : [],
    meetingIds.length ? db.select({ id: meetings.id, topic: meetings.topic }).from(meetings).where(and(eq(meetings.spaceId, spaceId), inArray(meetings.id, meetingIds))) : [],
  ]);
  const named = new Map(namedTasks.map((row) => [row.id, row]));
  const topics = new Map(namedMeetings.map((row) => [row.id, row.topic]));
  const t = await getTranslations('files');
  const links = await Promise.all(attachments.map(async (a) => {
    if (a.targetType === 'task') {
      const task = named.get(a.targetId);
      return task ? { id: a.id, href: `/spaces/${spaceId}/tasks/${a.targetId}`, label: t('attachedTask', { number: task.number, name: task.name }) } : null;
    }
    if (a.targetType === 'meeting') {
      const topic = topics.get(a.targetId);
      return topic !== undefined ? { id: a.id, href: `/spaces/${spaceId}/meetings/${a.targetId}`, label: t('attachedMeeting', { topic }) } : null;
    }
    const at = a.targetType === 'message' ? await messageLocation(actor, a.targetId) : null;
    return at ? { id: a.id, href: messageHref(spaceId, at), label: t('attachedMessage') } : null;
  }));
  return links.filter((link) => link !== null);
}

/** What a file's page shows: details, the version in view (`versionId`, else the newest) and its preview, signed links. */
export async function getFilePageData(user: User, spaceId: string, fileId: string, versionId: string | null) {
  const actor = userActor(user);
  const details = await loadOrNotFound(async () => {
    const found = await getFileDetails(actor, fileId);
    if (found.file.spaceId !== spaceId) throw NotFound();
    return found;
  });
  const shown = details.versions.find((v) => v.id === versionId) ?? details.file.version;
  const { preview } = await previewOf(actor, fileId, shown.id);
  const [inline, download, attachments, choices] = await Promise.all([
    signedContentUrl(user.id, fileId, shown.id, 'inline'),
    signedContentUrl(user.id, fileId, shown.id, 'attachment'),
    attachmentLinks(user, spaceId, details.attachments),
    folderChoices(await getDb(), spaceId),
  ]);
  const allowed = allowedSpaceActions(actor, details.access);
  const changeable = allowed.has('file.manage') || (allowed.has('file.upload') && details.file.createdBy?.id === user.id);
  return { ...details, shown, preview, links: { inline, download }, attachments, choices: changeable ? choices : [], changeable };
}

/** A task's, meeting's or message's attachments and, for those who may attach, the library files to choose from. */
export async function getAttachmentsData(user: User, spaceId: string, target: { type: 'task' | 'message' | 'meeting'; id: string }, canAttach: boolean) {
  const [attachments, choices] = await Promise.all([
    attachmentsOf(userActor(user), spaceId, target.type, target.id),
    canAttach ? recentFiles(await getDb(), user.id, spaceId) : Promise.resolve([]),
  ]);
  return { attachments, choices };
}
