import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  channelMembers, channels, departments, fileFolders, files, fileVersions, kbPages, meetingActionItems, meetingAgendaItems, meetingAttendees,
  meetingDepartments, meetingNotes, meetings, messages, milestones, spaceDepartments, spaceMembers, taskDependencies, taskHelpers, taskIssues, tasks, users,
  type Space,
} from '@/db/schema';

// The space's records as plain JSON for the export: the rows as stored, without the search
// columns (derived, and large). Each reader is scoped by the space.

const withoutSearch = <T extends Record<string, unknown>>({ searchText: _text, searchVector: _vector, titleVector: _title, ...row }: T & { searchText?: unknown; searchVector?: unknown; titleVector?: unknown }) => row;

export async function readSpaceSection(db: Database, space: Space) {
  const [departmentRows, members] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(spaceDepartments)
      .innerJoin(departments, eq(departments.id, spaceDepartments.departmentId)).where(eq(spaceDepartments.spaceId, space.id)),
    db.select({
      userId: spaceMembers.userId, name: users.name, email: users.email, departmentId: users.departmentId,
      role: spaceMembers.role, isAdmin: spaceMembers.isAdmin, joinedAt: spaceMembers.createdAt,
    }).from(spaceMembers).innerJoin(users, eq(users.id, spaceMembers.userId)).where(eq(spaceMembers.spaceId, space.id)).orderBy(asc(users.name)),
  ]);
  return { space, departments: departmentRows, members };
}

export async function readTasksSection(db: Database, spaceId: string) {
  const taskRows = await db.select().from(tasks).where(eq(tasks.spaceId, spaceId)).orderBy(asc(tasks.number));
  const ids = taskRows.map((t) => t.id);
  const [helpers, dependencies, issues, progressTable] = await Promise.all([
    ids.length ? db.select().from(taskHelpers).where(inArray(taskHelpers.taskId, ids)) : [],
    db.select().from(taskDependencies).where(eq(taskDependencies.spaceId, spaceId)),
    db.select().from(taskIssues).where(eq(taskIssues.spaceId, spaceId)).orderBy(asc(taskIssues.createdAt)),
    db.select().from(milestones).where(eq(milestones.spaceId, spaceId)).orderBy(asc(milestones.position), asc(milestones.plannedDate)),
  ]);
  return { tasks: taskRows.map(withoutSearch), helpers, dependencies, issues, progressTable };
}

/**
 * The channels the exporter can read (public ones and the private ones they are in) and their
 * messages, a page at a time: a long-running space's chat never sits in memory whole.
 */
export async function readChannels(db: Database, spaceId: string, exporterId: string | null) {
  const rows = await db.select().from(channels).where(eq(channels.spaceId, spaceId)).orderBy(asc(channels.createdAt));
  const mine = exporterId
    ? new Set((await db.select({ id: channelMembers.channelId }).from(channelMembers).where(eq(channelMembers.userId, exporterId))).map((r) => r.id))
    : null;
  return rows.filter((c) => !c.isPrivate || !mine || mine.has(c.id));
}

export async function* readMessagePages(db: Database, spaceId: string, channelIds: string[], pageSize = 1000) {
  if (!channelIds.length) return;
  let after = -1;
  for (;;) {
    const page = await db.select().from(messages)
      .where(and(eq(messages.spaceId, spaceId), inArray(messages.channelId, channelIds), gt(messages.seq, after)))
      .orderBy(asc(messages.seq)).limit(pageSize);
    if (!page.length) return;
    yield page.map((m) => withoutSearch(m.deletedAt ? { ...m, body: '' } : m));
    after = page.at(-1)!.seq;
    if (page.length < pageSize) return;
  }
}

export async function readMeetingsSection(db: Database, spaceId: string) {
  const meetingRows = await db.select().from(meetings).where(eq(meetings.spaceId, spaceId)).orderBy(asc(meetings.startsAt));
  const ids = meetingRows.map((m) => m.id);
  if (!ids.length) return { meetings: [] };
  const [attendees, meetingDepts, agenda, notes, actionItems] = await Promise.all([
    db.select().from(meetingAttendees).where(inArray(meetingAttendees.meetingId, ids)),
    db.select().from(meetingDepartments).where(inArray(meetingDepartments.meetingId, ids)),
    db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.spaceId, spaceId)).orderBy(asc(meetingAgendaItems.position)),
    db.select().from(meetingNotes).where(eq(meetingNotes.spaceId, spaceId)).orderBy(asc(meetingNotes.createdAt)),
    db.select().from(meetingActionItems).where(eq(meetingActionItems.spaceId, spaceId)).orderBy(asc(meetingActionItems.position)),
  ]);
  const of = <T extends { meetingId: string }>(rows: T[], id: string) => rows.filter((r) => r.meetingId === id);
  return {
    meetings: meetingRows.map((m) => ({
      ...m,
      attendees: of(attendees, m.id), departments: of(meetingDepts, m.id), agenda: of(agenda, m.id), notes: of(notes, m.id), actionItems: of(actionItems, m.id),
    })),
  };
}

/** Every library file's current version with its folder path (files in the recycle bin are left out). */
export async function readLibraryFiles(db: Database, spaceId: string) {
  const [folders, rows] = await Promise.all([
    db.select({ id: fileFolders.id, parentId: fileFolders.parentId, name: fileFolders.name, deletedAt: fileFolders.deletedAt }).from(fileFolders).where(eq(fileFolders.spaceId, spaceId)),
    db.select({ id: files.id, folderId: files.folderId, name: files.name, storageKey: fileVersions.storageKey, sizeBytes: fileVersions.sizeBytes, number: fileVersions.number })
      .from(files).innerJoin(fileVersions, eq(fileVersions.id, files.currentVersionId))
      .where(and(eq(files.spaceId, spaceId), isNull(files.deletedAt))).orderBy(asc(files.name)),
  ]);
  const byId = new Map(folders.map((f) => [f.id, f]));
  /** The folder names from the top, or null when the folder or one above it is deleted. */
  const pathOf = (folderId: string | null): string[] | null => {
    const names: string[] = [];
    for (let id = folderId, depth = 0; id && depth < 100; depth++) {
      const folder = byId.get(id);
      if (!folder || folder.deletedAt) return null;
      names.unshift(folder.name);
      id = folder.parentId;
    }
    return names;
  };
  return rows.flatMap((row) => {
    const folderPath = pathOf(row.folderId);
    return folderPath ? [{ ...row, folderPath }] : [];
  });
}

/** The space's knowledge pages that are not deleted, in tree order of creation. */
export async function readKnowledgePages(db: Database, space: Space) {
  return db.select({ id: kbPages.id, parentId: kbPages.parentId, title: kbPages.title, content: kbPages.content, version: kbPages.version, updatedAt: kbPages.updatedAt })
    .from(kbPages)
    .where(and(eq(kbPages.spaceId, space.id), eq(kbPages.organizationId, space.organizationId), isNull(kbPages.deletedAt)))
    .orderBy(asc(kbPages.position), asc(kbPages.createdAt));
}
