import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { scimTokens } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { hashSecretToken, newSecretToken } from '@/lib/auth/secret-token';
import { recordAudit } from '@/lib/audit';
import { NotFound } from '@/lib/errors';
import { isUuid, parseInput } from '@/lib/validation';

const TOKEN_PREFIX = 'xz_scim_';

export const createScimTokenSchema = z.object({
  name: z.string('required').trim().min(1, 'required').max(80, 'tooLong'),
});

/** The identity provider behind a SCIM request: which organisation it provisions, with which token. */
export interface ScimClient {
  organizationId: string;
  tokenId: string;
  tokenName: string;
}

/** Creates a SCIM bearer token (org admins); the plain token is returned once, only its hash is kept. */
export async function createScimToken(actor: Actor, organizationId: string, input: { name?: unknown }) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  const { name } = parseInput(createScimTokenSchema, input);
  const token = newSecretToken(TOKEN_PREFIX);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scimTokens)
      .values({
        organizationId, name, tokenHash: hashSecretToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        createdById: actor.kind === 'user' ? actor.user.id : null,
      })
      .returning();
    await recordAudit(tx, actor, { organizationId, action: 'scim.token.create', targetType: 'scim_token', targetId: row!.id, data: { name } });
    return { token, record: row! };
  });
}

export async function listScimTokens(actor: Actor, organizationId: string) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  const db = await getDb();
  return db
    .select({
      id: scimTokens.id, name: scimTokens.name, prefix: scimTokens.prefix, createdAt: scimTokens.createdAt,
      lastUsedAt: scimTokens.lastUsedAt, revokedAt: scimTokens.revokedAt, requestCount: scimTokens.requestCount,
    })
    .from(scimTokens)
    .where(eq(scimTokens.organizationId, organizationId))
    .orderBy(desc(scimTokens.createdAt));
}

export async function revokeScimToken(actor: Actor, organizationId: string, tokenId: string) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  if (!isUuid(tokenId)) throw NotFound();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(scimTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(scimTokens.id, tokenId), eq(scimTokens.organizationId, organizationId), isNull(scimTokens.revokedAt)))
      .returning();
    if (!row) throw NotFound();
    await recordAudit(tx, actor, { organizationId, action: 'scim.token.revoke', targetType: 'scim_token', targetId: row.id });
    return row;
  });
}

/**
 * The client a bearer token (the whole Authorization header value) stands for, or null for a
 * missing, unknown or revoked one. Counts the request: admins see which tokens are in use.
 */
export async function authenticateScimRequest(authorization: string | null): Promise<ScimClient | null> {
  const match = /^bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const token = match?.[1];
  if (!token?.startsWith(TOKEN_PREFIX)) return null;
  const db = await getDb();
  const [row] = await db
    .update(scimTokens)
    .set({ lastUsedAt: new Date(), requestCount: sql`${scimTokens.requestCount} + 1` })
    .where(and(eq(scimTokens.tokenHash, hashSecretToken(token)), isNull(scimTokens.revokedAt)))
    .returning({ id: scimTokens.id, organizationId: scimTokens.organizationId, name: scimTokens.name });
  return row ? { organizationId: row.organizationId, tokenId: row.id, tokenName: row.name } : null;
}
