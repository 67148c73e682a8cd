import { getDb } from '@/db/client';
import { departments, kbTags, kbTagSets, organizations, users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { recordAudit } from '@/lib/audit';
import { DEMO_DEPARTMENTS, DEMO_EMAIL_DOMAIN, DEMO_KB_TAG_SETS, DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

export interface DemoSeedResult {
  seeded: boolean;
  organizationId: string;
}

const PHONE_PREFIX = '138';

/**
 * Seeds the demo company into an empty database. Does nothing when any organisation exists, so
 * it is safe to call on every start.
 */
export async function seedDemo(): Promise<DemoSeedResult> {
  const db = await getDb();
  const [found] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (found) return { seeded: false, organizationId: found.id };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: organizations.id }).from(organizations).limit(1);
    if (existing) return { seeded: false, organizationId: existing.id };

    const [org] = await tx.insert(organizations).values({ name: DEMO_ORGANIZATION }).returning();
    const organizationId = org!.id;
    const departmentIds = new Map<string, string>();
    for (const [index, [name, children]] of DEMO_DEPARTMENTS.entries()) {
      const [parent] = await tx.insert(departments).values({ organizationId, name, sortOrder: index }).returning();
      departmentIds.set(name, parent!.id);
      const rows = children.map((child, childIndex) => ({ organizationId, name: child, parentId: parent!.id, sortOrder: childIndex }));
      if (rows.length) {
        for (const child of await tx.insert(departments).values(rows).returning()) departmentIds.set(child.name, child.id);
      }
    }
    await tx.insert(users).values(
      DEMO_USERS.map(([name, local, department, title, isOrgAdmin], index) => ({
        organizationId,
        name,
        email: `${local}@${DEMO_EMAIL_DOMAIN}`,
        departmentId: departmentIds.get(department) ?? null,
        title,
        phone: department ? `${PHONE_PREFIX}${String(10_000_000 + index * 7_919).padStart(8, '0')}` : null,
        isOrgAdmin: isOrgAdmin ?? false,
        passwordHash,
      })),
    );
    for (const [position, [name, tags]] of DEMO_KB_TAG_SETS.entries()) {
      const [set] = await tx.insert(kbTagSets).values({ organizationId, name, position }).returning();
      await tx.insert(kbTags).values(tags.map(([tag, color], index) => ({ organizationId, tagSetId: set!.id, name: tag, color, position: index })));
    }
    await recordAudit(tx, systemActor, { organizationId, action: 'demo.seed' });
    return { seeded: true, organizationId };
  });
}
