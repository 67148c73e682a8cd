import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { personalAccessTokens, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { NotFound } from '@/lib/errors';
import { isUuid, parseInput } from '@/lib/validation';
import type { Actor } from './actor';
import { hashSecretToken, newSecretToken } from './secret-token';

const TOKEN_PREFIX = 'xz_pat_';

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
});

/**
 * Creates a personal access token for `userId`. Users create their own; the system (CLI) may
 * create one for anybody. The plain token is returned once and only its hash is stored.
 */
export async function createPersonalAccessToken(actor: Actor, userId: string, input: { name: string }) {
  if (actor.kind === 'user' && actor.user.id !== userId) throw NotFound();
  const { name } = parseInput(createTokenSchema, input);
  const token = newSecretToken(TOKEN_PREFIX);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ organizationId: users.organizationId }).from(users).where(eq(users.id, userId));
    if (!owner) throw NotFound();
    const [row] = await tx
      .insert(personalAccessTokens)
      .values({ userId, name, tokenHash: hashSecretToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) })
      .returning();
    await recordAudit(tx, actor, {
      organizationId: owner.organizationId, action: 'token.create', targetType: 'token', targetId: row!.id,
    });
    return { token, record: row! };
  });
}

export async function listPersonalAccessTokens(userId: string) {
  const db = await getDb();
  return db
    .select({
      id: personalAccessTokens.id, name: personalAccessTokens.name, prefix: personalAccessTokens.prefix,
      createdAt: personalAccessTokens.createdAt, lastUsedAt: personalAccessTokens.lastUsedAt,
      revokedAt: personalAccessTokens.revokedAt,
    })
    .from(personalAccessTokens)
    .where(eq(personalAccessTokens.userId, userId))
    .orderBy(desc(personalAccessTokens.createdAt));
}

export async function revokePersonalAccessToken(actor: Actor, tokenId: string) {
  if (!isUuid(tokenId)) throw NotFound();
  const db = await getDb();
  const owned =
    actor.kind === 'user'
      ? and(eq(personalAccessTokens.id, tokenId), eq(personalAccessTokens.userId, actor.user.id))
      : eq(personalAccessTokens.id, tokenId);
  const [row] = await db
    .update(personalAccessTokens)
    .set({ revokedAt: new Date() })
    .where(and(owned, isNull(personalAccessTokens.revokedAt)))
    .returning();
  if (!row) throw NotFound();
  const [owner] = await db.select({ organizationId: users.organizationId }).from(users).where(eq(users.id, row.userId));
  await recordAudit(db, actor, {
    organizationId: owner?.organizationId ?? null, action: 'token.revoke', targetType: 'token', targetId: row.id,
  });
  return row;
}

const LAST_USED_PRECISION_MS = 60_000;

/** The active user a bearer token belongs to, or null for an unknown, revoked or inactive one. */
export async function findUserByToken(token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ user: users, tokenId: personalAccessTokens.id, lastUsedAt: personalAccessTokens.lastUsedAt })
    .from(personalAccessTokens)
    .innerJoin(users, eq(users.id, personalAccessTokens.userId))
    .where(and(eq(personalAccessTokens.tokenHash, hashSecretToken(token)), isNull(personalAccessTokens.revokedAt)));
  if (!row || !row.user.isActive) return null;
  // "Last used" to the minute is enough: most requests read the token and write nothing.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.update(personalAccessTokens).set({ lastUsedAt: new Date() }).where(eq(personalAccessTokens.id, row.tokenId));
  }
  return row.user;
}

