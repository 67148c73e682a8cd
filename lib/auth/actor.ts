import type { User } from '@/db/schema';
import { NotFound } from '@/lib/errors';

/** Who performs an action: a signed-in user, or the operator at the CLI (the system). */
export type Actor =
  | { kind: 'user'; user: Pick<User, 'id' | 'organizationId' | 'isOrgAdmin'> }
  | { kind: 'system' };

export const systemActor: Actor = { kind: 'system' };

export function userActor(user: Pick<User, 'id' | 'organizationId' | 'isOrgAdmin'>): Actor {
  return { kind: 'user', user };
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.user.id : null;
}

/** The signed-in user behind an actor; self-service actions have no meaning for the CLI. */
export function requireUserActor(actor: Actor): Extract<Actor, { kind: 'user' }>['user'] {
  if (actor.kind !== 'user') throw NotFound();
  return actor.user;
}
