import { getDb } from '@/db/client';
import type { User } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { recentFiles } from '@/lib/files/queries';
import { loadOrNotFound } from '@/lib/http/page-data';
import { pinyinKey } from '@/lib/org/people';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { listComments } from './queries';
import type { CommentTargetType } from './rules';

/** What a task or file page needs for its comment thread: the comments, the members one may @mention, files one may attach. */
export async function getCommentThreadData(user: User, spaceId: string, target: { type: CommentTargetType; id: string }) {
  const { members } = await getSpacePageData(spaceId);
  const now = new Date();
  const listing = await loadOrNotFound(() => listComments(userActor(user), { targetType: target.type, targetId: target.id }, now));
  const people = members.filter((m) => m.userId !== user.id)
    .map((m) => ({ id: m.userId, name: m.name, searchKey: `${m.name} ${m.email} ${pinyinKey(m.name)}`.toLowerCase() }));
  const memberNames = Object.fromEntries(members.map((m) => [m.userId, m.name]));
  // Library files a commenter may attach to their own comments.
  const attachChoices = listing.canComment ? (await recentFiles(await getDb(), user.id, spaceId)).map((f) => ({ id: f.id, name: f.name })) : [];
  return { spaceId, listing, people, memberNames, attachChoices, now, timeZone: timeZoneOf(user) };
}
