import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { departments, userIdentities, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { appBaseUrl } from '@/lib/app-url';
import { env } from '@/lib/env';
import { ensureOrganization } from '@/lib/org/service';
import { systemActor } from './actor';

/** The provider id in next-auth and in `user_identities`; also in the callback URL. */
export const SSO_PROVIDER_ID = 'oidc';

/** Why an SSO sign-in was refused; the sign-in page shows a message for each. */
export type SsoFailure = 'sso_no_email' | 'sso_email_unverified' | 'sso_deactivated';
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
 * Finds or creates the user behind verified IdP claims: first by the IdP subject, then by a
 * verified email (linking the identity), else a new user just in time. Never creates a second
 * account for an email that exists, and never lets a deactivated user in.
 */
export async function resolveSsoUser(rawClaims: Record<string, unknown>): Promise<SsoResult> {
  const claims = claimsSchema.parse(rawClaims);
  const db = await getDb();
  const [linked] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, SSO_PROVIDER_ID), eq(userIdentities.subject, claims.sub)));
  if (linked) return linked.user.isActive ? { ok: true, user: linked.user, created: false } : { ok: false, reason: 'sso_deactivated' };

  if (!claims.email) return { ok: false, reason: 'sso_no_email' };
  const email = claims.email;
  const organization = await ensureOrganization();
  const departmentName = env.OIDC_DEPARTMENT_CLAIM ? rawClaims[env.OIDC_DEPARTMENT_CLAIM] : undefined;

  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    if (existing) {
      // Linking to an account someone else may own needs the IdP to vouch for the address.
      if (claims.email_verified !== true) return { ok: false, reason: 'sso_email_unverified' } as const;
      if (!existing.isActive) return { ok: false, reason: 'sso_deactivated' } as const;
      await tx.insert(userIdentities).values({ provider: SSO_PROVIDER_ID, subject: claims.sub, userId: existing.id });
      await recordAudit(tx, systemActor, {
        organizationId: existing.organizationId, action: 'sso.link', targetType: 'user', targetId: existing.id,
      });
      return { ok: true, user: existing, created: false } as const;
    }
    const [department] =
      typeof departmentName === 'string' && departmentName.trim()
        ? await tx
            .select({ id: departments.id })
            .from(departments)
            .where(and(eq(departments.organizationId, organization.id), eq(departments.name, departmentName.trim())))
            .limit(1)
        : [];
    // A new SSO-only installation has nobody to run the admin console: its first person does.
    const [anyone] = await tx.select({ id: users.id }).from(users).where(eq(users.organizationId, organization.id)).limit(1);
    const [created] = await tx
      .insert(users)
      .values({
        organizationId: organization.id,
        email,
        name: claims.name || claims.preferred_username || email.split('@')[0]!,
        departmentId: department?.id ?? null,
        isOrgAdmin: !anyone,
      })
      .returning();
    await tx.insert(userIdentities).values({ provider: SSO_PROVIDER_ID, subject: claims.sub, userId: created!.id });
    await recordAudit(tx, systemActor, {
      organizationId: organization.id, action: 'sso.create_user', targetType: 'user', targetId: created!.id,
      ...(anyone ? {} : { data: { firstAdmin: true } }),
    });
    return { ok: true, user: created!, created: true } as const;
  });
}
