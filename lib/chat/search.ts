import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { channels, messages } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { Invalid } from '@/lib/errors';
import { buildSearchQuery } from '@/lib/search/cjk-bigrams';
import { searchMatch } from '@/lib/search/match';
import { snippetOf } from '@/lib/search/snippet';
import { authorizeSpace } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { messagePlainText } from './markdown';
import { loadMessages } from './message-resources';
import type { MessageResource } from './resources';
import { searchMessagesSchema } from './schema';

/** Hits are counted up to here; more shows as "1000+". */
export const SEARCH_COUNT_CAP = 1000;

export interface MessageHit {
  message: MessageResource;
  channelName: string;
  /** The message as read, cut around its first hit. */
  snippet: string;
  /** Where the search terms are in the snippet: [start, end) offsets. */
  highlights: [number, number][];
}

export interface MessageSearchResult {
  hits: MessageHit[];
  /** Exact up to SEARCH_COUNT_CAP; `capped` says there are more. */
  total: number;
  capped: boolean;
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: number | null;
}

function messageSnippet(message: MessageResource, terms: readonly string[], everyone: string): Pick<MessageHit, 'snippet' | 'highlights'> {
  const names = new Map(message.mentions.map((m) => [m.id, m.name]));
  const { text, highlights } = snippetOf(messagePlainText(message.body, (id) => names.get(id), everyone), terms);
  return { snippet: text, highlights };
}

/**
 * Searches the messages of a space the actor may see (public channels, and private ones they
 * are in), newest first. Chinese and English alike: the CJK bigram index finds candidates, and
 * each keyword must occur in the message as written, so results equal a substring match.
 */
export async function searchMessages(actor: Actor, spaceId: string, input: Record<string, unknown>, everyone = '所有人'): Promise<MessageSearchResult> {
  const filters = parseInput(searchMessagesSchema, input);
  const query = buildSearchQuery(filters.q);
  if (!query) throw Invalid({ q: ['searchNothing'] });
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const userId = actorId(actor);
  // Which channels the actor sees, resolved first: a subquery here hides from the planner how
  // common the words are, and it picks a slow plan. Seeing them all, the space's id suffices.
  const spaceChannels = await db.select({
    id: channels.id,
    visible: sql<boolean>`(not ${channels.isPrivate} or exists (select 1 from channel_members cm where cm.channel_id = ${channels.id} and cm.user_id = ${userId}))`,
  }).from(channels).where(eq(channels.spaceId, spaceId));
  const visible = spaceChannels.filter((c) => c.visible).map((c) => c.id);
  if (!visible.length || (filters.channelId && !visible.includes(filters.channelId))) return { hits: [], total: 0, capped: false, nextBefore: null };
  const channelScope = filters.channelId
    ? eq(messages.channelId, filters.channelId)
    : visible.length === spaceChannels.length ? undefined : inArray(messages.channelId, visible);
  const where = and(
    eq(messages.spaceId, spaceId),
    isNull(messages.deletedAt),
    channelScope,
    searchMatch(messages, query),
  );
  const counted = db.select({ one: sql`1` }).from(messages).where(where).limit(SEARCH_COUNT_CAP + 1).as('counted');
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(counted);
  const page = await loadMessages(db, and(where, filters.before ? lt(messages.seq, filters.before) : undefined), [desc(messages.seq)], filters.limit + 1);
  const shown = page.slice(0, filters.limit);
  const channelNames = new Map((shown.length
    ? await db.select({ id: channels.id, name: channels.name }).from(channels).where(inArray(channels.id, [...new Set(shown.map((m) => m.channelId))]))
    : []).map((c) => [c.id, c.name]));
  return {
    hits: shown.map((message) => ({ message, channelName: channelNames.get(message.channelId) ?? '', ...messageSnippet(message, query.terms, everyone) })),
    total: Math.min(n, SEARCH_COUNT_CAP),
    capped: n > SEARCH_COUNT_CAP,
    nextBefore: page.length > filters.limit ? shown[shown.length - 1]!.seq : null,
  };
}
