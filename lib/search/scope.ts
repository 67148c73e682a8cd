import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { channels, fileFolders, spaces } from '@/db/schema';
import type { User } from '@/db/schema';

// What one person may search, resolved before the searches run: lists of ids let the planner see
// how common the words are (a subquery in each search would hide it, and it picks slow plans).

export interface SearchScope {
  organizationId: string;
  /** The spaces the person may view (archived ones included), by id. */
  spaces: Map<string, { name: string }>;
  /** Channels of those spaces the person sees: public ones, and private ones they are in. */
  channelIds: string[];
  /** Whether that is every channel of those spaces (then the spaces alone scope messages). */
  allChannels: boolean;
  /** Folders in the recycle bin, or inside one: their files are deleted too. */
  deletedFolderIds: string[];
  /** Knowledge pages of the organisation (no space) are in scope. */
  organizationPages: boolean;
}

type Searcher = Pick<User, 'id' | 'organizationId' | 'isOrgAdmin'>;

/** The spaces a person may search, by name (archived ones too); with `spaceId`, that one or none. */
export async function searchableSpaces(db: Database, user: Searcher, spaceId?: string) {
  const member = sql`exists (select 1 from space_members sm where sm.space_id = ${spaces.id} and sm.user_id = ${user.id})`;
  return db.select({ id: spaces.id, name: spaces.name, status: spaces.status }).from(spaces).where(and(
    eq(spaces.organizationId, user.organizationId),
    spaceId ? eq(spaces.id, spaceId) : undefined,
    user.isOrgAdmin ? undefined : member,
  )).orderBy(spaces.name);
}

/**
 * The spaces are those `space.view` allows (lib/auth/permissions.ts): a member's, and every space
 * of the organisation for its admins. A `spaceId` filter narrows them to that space (or none).
 */
export async function loadSearchScope(db: Database, user: Searcher, spaceId: string | undefined): Promise<SearchScope> {
  const rows = await searchableSpaces(db, user, spaceId);
  const spaceIds = rows.map((r) => r.id);
  const scope: SearchScope = {
    organizationId: user.organizationId, spaces: new Map(rows.map((r) => [r.id, { name: r.name }])),
    channelIds: [], allChannels: true, deletedFolderIds: [], organizationPages: !spaceId,
  };
  if (!spaceIds.length) return scope;
  const spaceChannels = await db.select({
    id: channels.id,
    visible: sql<boolean>`(not ${channels.isPrivate} or exists (select 1 from channel_members cm where cm.channel_id = ${channels.id} and cm.user_id = ${user.id}))`,
  }).from(channels).where(inArray(channels.spaceId, spaceIds));
  scope.channelIds = spaceChannels.filter((c) => c.visible).map((c) => c.id);
  scope.allChannels = scope.channelIds.length === spaceChannels.length;
  const binned = await db.execute(sql`
    with recursive gone as (
      select id from ${fileFolders} where ${inArray(fileFolders.spaceId, spaceIds)} and deleted_at is not null
      union
      select f.id from ${fileFolders} f join gone on f.parent_id = gone.id
    ) select id from gone`) as unknown as { rows: { id: string }[] };
  scope.deletedFolderIds = binned.rows.map((r) => r.id);
  return scope;
}
