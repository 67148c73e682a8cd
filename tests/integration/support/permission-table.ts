import type { User } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { SPACE_STANDINGS, type SpaceAction, type SpaceStanding } from '@/lib/auth/permissions';
import { archiveSpace } from '@/lib/spaces/service';
import { expectedOutcome } from '../../support/space-permission-spec';
import { tokenOf } from './api-client';
import { seedUser, type seedSpace } from './factories';

type Seeded = Awaited<ReturnType<typeof seedSpace>>;

/** A space action as an HTTP call, with the status it answers when allowed. */
export type PermissionEndpoints<S extends Seeded> = Partial<Record<SpaceAction, { ok: number; run: (token: string, s: S) => Promise<{ status: number }> }>>;

/**
 * Calls every endpoint as each standing (an organisation admin, the seeded members, an outsider)
 * in a fresh space, active or archived, and lists where the answer differs from the specification.
 */
export async function permissionMismatches<S extends Seeded>(seed: () => Promise<S>, endpoints: PermissionEndpoints<S>, status: 'active' | 'archived'): Promise<string[]> {
  const seeded = await seed();
  const orgAdmin = await seedUser({ isOrgAdmin: true });
  if (status === 'archived') await archiveSpace(systemActor, seeded.space.id);
  const people: Record<SpaceStanding, User> = {
    orgAdmin, spaceAdmin: seeded.admin, owner: seeded.owner, participant: seeded.participant, observer: seeded.observer, nonMember: seeded.outsider,
  };
  const mismatches: string[] = [];
  for (const [action, endpoint] of Object.entries(endpoints) as [SpaceAction, NonNullable<PermissionEndpoints<S>[SpaceAction]>][]) {
    for (const standing of SPACE_STANDINGS) {
      const outcome = expectedOutcome(action, standing, status);
      const expected = outcome === 'ok' ? endpoint.ok : outcome;
      const { status: actual } = await endpoint.run(await tokenOf(people[standing]), seeded);
      if (actual !== expected) mismatches.push(`${standing} ${action}: expected ${expected}, got ${actual}`);
    }
  }
  return mismatches;
}
