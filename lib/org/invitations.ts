import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations, users } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { hashSecretToken, newSecretToken } from '@/lib/auth/secret-token';
import { recordAudit } from '@/lib/audit';
import { Invalid, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { acceptInvitationSchema, inviteUserSchema } from './schema';
import { createUser } from './user-admin-service';

const INVITATION_DAYS = 7;

/** The path of an invitation link; the page in front of it lets the invitee set a password. */
export function invitationPath(token: string) {
  return `/invite/${token}`;
}

/**
 * Creates the colleague's account (no password yet) and a one-time link valid for 7 days. Until
 * email delivery exists the admin copies the link; it is shown once.
 */
export async function inviteUser(actor: Actor, organizationId: string, input: unknown) {
  const data = parseInput(inviteUserSchema, input);
  const token = newSecretToken();
  const db = await getDb();
  const user = await db.transaction(async (tx) => {
    const created = await createUser(actor, organizationId, data, tx);
    await tx.insert(invitations).values({
      userId: created.id,
      tokenHash: hashSecretToken(token),
      createdById: actorId(actor),
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await recordAudit(tx, actor, { organizationId, action: 'user.invite', targetType: 'user', targetId: created.id });
    return created;
  });
  return { user, path: invitationPath(token) };
}

/** The invitee behind a link that is unused and unexpired, or null. */
export async function findOpenInvitation(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ invitationId: invitations.id, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(and(eq(invitations.tokenHash, hashSecretToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())));
  if (!row || !row.user.isActive) return null;
  return row;
}

/** Sets the invitee's password and spends the link; a used, expired or unknown link is not found. */
export async function acceptInvitation(token: string, input: unknown) {
  const { password } = parseInput(acceptInvitationSchema, input);
  const open = await findOpenInvitation(token);
  if (!open) throw NotFound('invitationInvalid');
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, open.invitationId), isNull(invitations.usedAt)))
      .returning();
    if (!spent) throw Invalid({}, 'invitationInvalid'); // used concurrently
    await tx.update(users).set({ passwordHash }).where(eq(users.id, open.user.id));
    await recordAudit(tx, { kind: 'user', user: open.user }, {
      organizationId: open.user.organizationId, action: 'user.accept_invitation', targetType: 'user', targetId: open.user.id,
    });
    return { email: open.user.email };
  });
}
