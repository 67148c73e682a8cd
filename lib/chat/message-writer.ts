import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { EVENTS_CHANNEL } from '@/lib/realtime/events';
import type { MessageResource } from './resources';

// Writes new messages. A space's event numbers are taken under a lock on its counter row, held
// until commit, so a space's posts are written one statement at a time. Posts that arrive while a
// statement runs wait and then go together in the next one: one lock, one commit, many messages
// (group commit). Each post learns its own number or that its client key was already used.

export interface NewMessage {
  resource: Omit<MessageResource, 'seq'>;
  spaceId: string;
  clientKey: string | null;
  searchText: string;
  /** A tsvector literal (lib/search). */
  vector: string;
  /** The private channel whose members alone see the event, if any. */
  audience: string | null;
}

/** What became of a post: its number, or null when its author had used its client key already. */
type Outcome = number | null;

interface Waiting {
  message: NewMessage;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

// One statement takes at most this many posts (a few thousand parameters).
const MAX_BATCH = 200;

const queues = new Map<string, { waiting: Waiting[]; writing: boolean }>();

const list = (rows: SQL[]) => sql.join(rows, sql`, `);

/**
 * One statement, its own transaction: the space's next numbers, the messages with them (those
 * whose client key is new), their mentions, the authors' read positions, the message.created
 * events and one NOTIFY, sent on commit.
 */
async function writeBatch(spaceId: string, batch: readonly NewMessage[]): Promise<Map<number, number>> {
  const db = await getDb();
  const input = list(batch.map(({ resource: r, clientKey, searchText, vector, audience }, ord) => sql`(
    ${ord}::int, ${r.id}::uuid, ${r.channelId}::uuid, ${r.author.id}::uuid, ${r.body}::text, ${r.parentId}::uuid, ${r.mentionsAll}::boolean,
    ${clientKey}::text, ${searchText}::text, ${vector}::tsvector, ${r.createdAt}::timestamptz, ${audience}::uuid, ${JSON.stringify({ ...r, seq: 0 })}::jsonb)`));
  const mentionRows = batch.flatMap(({ resource }, ord) => resource.mentions.map((m) => sql`(${ord}::int, ${m.id}::uuid)`));
  const mentions = mentionRows.length ? sql`values ${list(mentionRows)}` : sql`select null::int, null::uuid where false`;
  const result = (await db.execute(sql`
    with input (ord, id, channel_id, author_id, body, parent_id, mentions_channel, client_key, search_text, search_vector, created_at, audience, payload) as (
      values ${input}
    ), fresh as (
      select input.*, row_number() over (order by ord) as n, count(*) over () as total from input
      where client_key is null or not exists (select 1 from messages m where m.author_id = input.author_id and m.client_key = input.client_key)
    ), counter as (
      insert into space_event_counters (space_id, last_seq) select ${spaceId}::uuid, total from fresh limit 1
      on conflict (space_id) do update set last_seq = space_event_counters.last_seq + excluded.last_seq
      returning last_seq
    ), numbered as (
      select fresh.*, counter.last_seq - fresh.total + fresh.n as seq from fresh, counter
    ), stored as (
      insert into messages (id, space_id, channel_id, seq, author_id, body, parent_id, mentions_channel, client_key, search_text, search_vector, created_at)
      select id, ${spaceId}::uuid, channel_id, seq, author_id, body, parent_id, mentions_channel, client_key, search_text, search_vector, created_at from numbered
    ), mentioned as (
      insert into message_mentions (message_id, user_id, channel_id, seq)
      select numbered.id, mentions.user_id, numbered.channel_id, numbered.seq from numbered join (${mentions}) as mentions (ord, user_id) on mentions.ord = numbered.ord
    ), reading as (
      insert into channel_reads (channel_id, user_id, last_read_seq, updated_at)
      select channel_id, author_id, max(seq), now() from numbered group by channel_id, author_id
      on conflict (channel_id, user_id) do update set last_read_seq = greatest(channel_reads.last_read_seq, excluded.last_read_seq), updated_at = now()
    ), announced as (
      insert into space_events (space_id, seq, type, channel_id, data, created_at)
      select ${spaceId}::uuid, seq, 'message.created', audience, jsonb_set(payload, '{seq}', to_jsonb(seq)), now() from numbered
    )
    select numbered.ord, numbered.seq, pg_notify(${EVENTS_CHANNEL}, ${spaceId} || ':' || counter.last_seq)
    from numbered, counter`)) as unknown as { rows: { ord: number | string; seq: number | string }[] };
  return new Map(result.rows.map((row) => [Number(row.ord), Number(row.seq)]));
}

async function drain(spaceId: string) {
  const queue = queues.get(spaceId)!;
  queue.writing = true;
  while (queue.waiting.length) {
    const batch = queue.waiting.splice(0, MAX_BATCH);
    try {
      const seqs = await writeBatch(spaceId, batch.map((w) => w.message));
      batch.forEach((waiting, ord) => waiting.resolve(seqs.get(ord) ?? null));
    } catch (error) {
      // One post must not fail the others (a client key raced in by another process, say): each alone.
      if (batch.length === 1) batch[0]!.reject(error);
      else await writeOneByOne(spaceId, batch);
    }
  }
  queue.writing = false;
  queues.delete(spaceId);
}

async function writeOneByOne(spaceId: string, batch: readonly Waiting[]) {
  for (const one of batch) {
    try {
      one.resolve((await writeBatch(spaceId, [one.message])).get(0) ?? null);
    } catch (error) {
      one.reject(error);
    }
  }
}

/** Writes a new message with the space's next number; null when its author already used its client key. */
export function writeMessage(message: NewMessage): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const queue = queues.get(message.spaceId) ?? { waiting: [], writing: false };
    queues.set(message.spaceId, queue);
    queue.waiting.push({ message, resolve, reject });
    if (!queue.writing) void drain(message.spaceId);
  });
}
