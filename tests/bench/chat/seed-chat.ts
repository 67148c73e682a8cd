import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { channels, spaceMembers, users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { createPersonalAccessToken } from '@/lib/auth/tokens';

/**
 * `count` people added straight to the space as participants (no passwords: they post with
 * tokens), each with a personal access token. Posting is limited per person, so a sustained
 * rate needs many posters.
 */
export async function seedPosters(db: Database, spaceId: string, organizationId: string, count: number): Promise<string[]> {
  const rows = await db.insert(users).values(Array.from({ length: count }, (_, i) => ({
    organizationId, name: `发言人${i + 1}`, email: `poster.${i + 1}.${Date.now()}@bench.example.com`,
  }))).returning({ id: users.id });
  await db.insert(spaceMembers).values(rows.map(({ id }) => ({ spaceId, userId: id, role: 'participant' as const })));
  const tokens: string[] = [];
  for (const { id } of rows) tokens.push((await createPersonalAccessToken(systemActor, id, { name: 'bench' })).token);
  return tokens;
}

/** The space's 全员 channel. */
export async function allChannelOf(db: Database, spaceId: string): Promise<string> {
  const [channel] = await db.select({ id: channels.id }).from(channels).where(eq(channels.spaceId, spaceId));
  return channel!.id;
}
