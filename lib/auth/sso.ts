import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { departments, directoryDepartmentLinks, directoryUserLinks, userIdentities, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { appBaseUrl } from '@/lib/app-url';
import type { DirectorySource } from '@/lib/directory/rules';
import { env } from '@/lib/env';
import { ensureOrganization } from '@/lib/org/service';
import { systemActor } from './actor';

/** The provider id in next-auth and in `user_identities`; also in the callback URL. */
export const SSO_PROVIDER_ID = 'oidc';

/**
 * Why an SSO or platform sign-in was refused; the sign-in page shows a message for each. The last
 * two come before we know the person: the platform rejected the code (expired, replayed), or the
 * callback's state was not the one this browser started with.
 */
export type SsoFailure =
  | 'sso_no_email' | 'sso_email_unverified' | 'sso_deactivated' | 'sso_not_member' | 'sso_code_invalid' | 'sso_state_mismatch';
export type SsoResult = { ok: true; user: User; created: boolean } | { ok: false; reason: SsoFailure };

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().trim().toLowerCase().pipe(z.email()).optional().catch(undefined),
  email_verified: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  name: z.string().trim().max(60).optional().catch(undefined),
  preferred_username: z.string().trim().max(60).optional().catch(undefined),
});

export function isSsoConfigured(): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/** The exact redirect URI to register at the identity provider. */
export function ssoCallbackUrl(): string {
  return `${appBaseUrl()}/api/auth/callback/${SSO_PROVIDER_ID}`;
}

/** Where the identity provider sends the browser after signing out there (register it too). */
export function ssoPostLogoutUrl(): string {
  return `${appBaseUrl()}/sign-in?signedOut=1`;
}

/** The identity provider's OpenID discovery document. */
export function ssoDiscoveryUrl(): string {
  return `${env.OIDC_ISSUER!.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

const discoverySchema = z.object({ end_session_endpoint: z.url().optional() });

/**
 * The identity provider's logout URL for a session that began with `idToken` (RP-initiated
 * logout), or null when the provider has no end-session endpoint or cannot be reached: then only
 * the Xiezuo session ends.
 */
export async function ssoEndSessionUrl(idToken: string): Promise<string | null> {
  if (!isSsoConfigured()) return null;
  try {
    const response = await fetch(ssoDiscoveryUrl(), {
      signal: AbortSignal.timeout(5000),
    });
    const endpoint = discoverySchema.parse(await response.json()).end_session_endpoint;
    if (!endpoint) return null;
    const url = new URL(endpoint);
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('client_id', env.OIDC_CLIENT_ID!);
    url.searchParams.set('post_logout_redirect_uri', ssoPostLogoutUrl());
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * A person an external identity provider vouches for: the OIDC IdP, DingTalk, Feishu/Lark, WeCom.
 * `provider` is the next-auth provider id, also `user_identities.provider`.
 */
export interface ExternalPerson {
  provider: string;
  /** The provider's stable id of the person (OIDC sub, DingTalk unionId, Feishu union_id, WeCom userid). */
  subject: string;
  email: string | null;
  /** The provider vouches for the address (OIDC email_verified, an organisation mailbox). */
  emailVerified: boolean;
  name: string | null;
  /** The person's records in a directory source (DingTalk corp userid, Feishu user_id/open_id). */
  directory?: { source: DirectorySource; externalIds: string[]; departmentExternalId: string | null } | null;
  /** A department name (OIDC claim), used when no directory department is known. */
  departmentName?: string | null;
  /** false when the platform says the person is not in the organisation (DingTalk, other companies). */
  member?: boolean;
}

/**
 * Finds or creates the user behind verified IdP claims: first by the IdP subject, then by a
 * verified email (linking the identity), else a new user just in time. Never creates a second
 * account for an email that exists, and never lets a deactivated user in.
 */
export async function resolveSsoUser(rawClaims: Record<string, unknown>): Promise<SsoResult> {
  const claims = claimsSchema.parse(rawClaims);
  const departmentName = env.OIDC_DEPARTMENT_CLAIM ? rawClaims[env.OIDC_DEPARTMENT_CLAIM] : undefined;
  return resolveExternalUser({
    provider: SSO_PROVIDER_ID,
    subject: claims.sub,
    email: claims.email ?? null,
    emailVerified: claims.email_verified === true,
    name: claims.name || claims.preferred_username || null,
    departmentName: typeof departmentName === 'string' ? departmentName : null,
  });
}

const active = (user: User): SsoResult => (user.isActive ? { ok: true, user, created: false } : { ok: false, reason: 'sso_deactivated' });

/**
 * The one resolver of every external sign-in. Nobody the platform places outside the
 * organisation; then by the (provider, subject) identity; then by the person's directory record
 * (a user imported by contact sync, even without an email); then by a verified email, linking
 * the identity; else a new user just in time, in the directory department when it is known.
 * Never two accounts for one email, never a deactivated user in.
 */
export async function resolveExternalUser(person: ExternalPerson): Promise<SsoResult> {
  // Before the identity: someone who has left the company's contacts no longer gets in.
  if (person.member === false) return { ok: false, reason: 'sso_not_member' };
  const db = await getDb();
  const [linked] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, person.provider), eq(userIdentities.subject, person.subject)));
  if (linked) return active(linked.user);

  const organization = await ensureOrganization();
  const directory = person.directory?.externalIds.length ? person.directory : null;
  const email = z.email().safeParse(person.email?.trim().toLowerCase()).data ?? null;

  return db.transaction(async (tx) => {
    const link = async (user: User, via: 'directory' | 'email') => {
      if (!user.isActive) return { ok: false, reason: 'sso_deactivated' } as const;
      await tx.insert(userIdentities).values({ provider: person.provider, subject: person.subject, userId: user.id }).onConflictDoNothing();
      await recordAudit(tx, systemActor, {
        organizationId: user.organizationId, action: 'sso.link', targetType: 'user', targetId: user.id,
        data: { provider: person.provider, via },
      });
      return { ok: true, user, created: false } as const;
    };

    if (directory) {
      const [imported] = await tx
        .select({ user: users })
        .from(directoryUserLinks)
        .innerJoin(users, eq(users.id, directoryUserLinks.userId))
        .where(and(
          eq(directoryUserLinks.organizationId, organization.id),
          eq(directoryUserLinks.source, directory.source),
          inArray(directoryUserLinks.externalId, directory.externalIds),
        ))
        .limit(1);
      if (imported) return link(imported.user, 'directory');
    }

    if (!email) return { ok: false, reason: 'sso_no_email' } as const;
    const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    if (existing) {
      // Linking to an account someone else may own needs the IdP to vouch for the address.
      if (!person.emailVerified) return { ok: false, reason: 'sso_email_unverified' } as const;
      return link(existing, 'email');
    }

    const departmentId = await findDepartment(tx, organization.id, directory, person.departmentName?.trim() || null);
    // A new SSO-only installation has nobody to run the admin console: its first person does.
    const [anyone] = await tx.select({ id: users.id }).from(users).where(eq(users.organizationId, organization.id)).limit(1);
    const name = person.name?.trim().slice(0, 60) || email.split('@')[0]!;
    const [created] = await tx
      .insert(users)
      .values({ organizationId: organization.id, email, name, departmentId, isOrgAdmin: !anyone })
      .returning();
    await tx.insert(userIdentities).values({ provider: person.provider, subject: person.subject, userId: created!.id });
    await recordAudit(tx, systemActor, {
      organizationId: organization.id, action: 'sso.create_user', targetType: 'user', targetId: created!.id,
      data: { provider: person.provider, ...(anyone ? {} : { firstAdmin: true }) },
    });
    return { ok: true, user: created!, created: true } as const;
  });
}

/** The directory department the platform names, else a department with the claimed name. */
async function findDepartment(tx: Transaction, organizationId: string, directory: ExternalPerson['directory'], departmentName: string | null) {
  if (directory?.departmentExternalId) {
    const [linked] = await tx
      .select({ id: directoryDepartmentLinks.departmentId })
      .from(directoryDepartmentLinks)
      .where(and(
        eq(directoryDepartmentLinks.organizationId, organizationId),
        eq(directoryDepartmentLinks.source, directory.source),
        eq(directoryDepartmentLinks.externalId, directory.departmentExternalId),
      ));
    if (linked) return linked.id;
  }
  if (!departmentName) return null;
  const [named] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.name, departmentName)))
    .limit(1);
  return named?.id ?? null;
}
