import { z } from 'zod';
import type { User } from '@/db/schema';
import { scimInvalid } from './errors';
import { joinName, splitName } from './name-parts';
import type { PatchTarget } from './patch';
import { describeIssues, resourceMeta, scimBoolean } from './resource-meta';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from './urns';

/** A user as SCIM sees them: our row, the IdP's external id, and their department. */
export interface UserRecord {
  user: User;
  externalId: string | null;
  department: { id: string; name: string } | null;
}

const MULTI_VALUE_SUBS = ['value', 'type', 'primary', 'display'];

// Attributes we store, and (ignored: accepted so standard IdP mappings work, but not kept) the rest
// of RFC 7643's User schema. Anything else in a PATCH path is 400 invalidPath.
export const USER_PATCH_TARGET: PatchTarget = {
  core: [
    { name: 'id', readOnly: true },
    { name: 'meta', readOnly: true, subAttributes: ['created', 'lastModified', 'location', 'version', 'resourceType'] },
    { name: 'groups', readOnly: true, multiValued: true, subAttributes: ['value', 'display', '$ref', 'type'] },
    { name: 'userName' },
    { name: 'externalId' },
    { name: 'name', subAttributes: ['formatted', 'givenName', 'familyName', 'middleName', 'honorificPrefix', 'honorificSuffix'] },
    { name: 'displayName' },
    { name: 'title' },
    { name: 'active' },
    { name: 'emails', multiValued: true, subAttributes: MULTI_VALUE_SUBS },
    { name: 'phoneNumbers', multiValued: true, subAttributes: MULTI_VALUE_SUBS },
    ...['nickName', 'profileUrl', 'userType', 'preferredLanguage', 'locale', 'timezone', 'password'].map((name) => ({ name, ignored: true })),
    ...['addresses', 'ims', 'photos', 'entitlements', 'roles', 'x509Certificates'].map((name) => ({
      name, multiValued: true, ignored: true,
      subAttributes: [...MULTI_VALUE_SUBS, 'formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'],
    })),
  ],
  extensions: {
    [ENTERPRISE_USER_SCHEMA]: [
      { name: 'employeeNumber' },
      { name: 'department' },
      ...['costCenter', 'organization', 'division'].map((name) => ({ name, ignored: true })),
      { name: 'manager', ignored: true, subAttributes: ['value', '$ref', 'displayName'] },
    ],
  },
};

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

const multiValueSchema = z.looseObject({
  value: z.unknown().optional(),
  type: z.string().nullish(),
  primary: z.preprocess(scimBoolean, z.boolean()).nullish(),
});

const scimUserSchema = z.object({
  schemas: z.array(z.string(), 'schemas is required').refine((s) => s.includes(USER_SCHEMA), `schemas must contain ${USER_SCHEMA}`),
  userName: z.string('userName is required').trim().toLowerCase().pipe(z.email('userName must be the person’s email address')),
  externalId: text(255).nullish(),
  name: z.object({ formatted: text(60).nullish(), givenName: text(60).nullish(), familyName: text(60).nullish() }).nullish(),
  displayName: text(60).nullish(),
  title: text(60).nullish(),
  active: z.preprocess(scimBoolean, z.boolean('active must be true or false')).optional(),
  phoneNumbers: z.array(multiValueSchema).nullish(),
  [ENTERPRISE_USER_SCHEMA]: z
    .object({ employeeNumber: text(64).nullish(), department: text(60).nullish() })
    .nullish(),
});

/** What a User resource sets on our side. `departmentName` undefined leaves the department as it is. */
export interface UserInput {
  email: string;
  name: string;
  title: string | null;
  phone: string | null;
  active: boolean;
  externalId: string | null;
  employeeId: string | null;
  departmentName: string | null | undefined;
}

function primaryValue(values: z.infer<typeof multiValueSchema>[] | null | undefined): string | null {
  const chosen = values?.find((v) => v.primary) ?? values?.[0];
  return typeof chosen?.value === 'string' && chosen.value.trim() ? chosen.value.trim() : null;
}

/**
 * Reads a User resource (POST/PUT body, or the result of a PATCH). userName is the sign-in email;
 * the display name comes from name.formatted, else given + family name, else displayName.
 */
export function parseUserResource(body: unknown): UserInput {
  const result = scimUserSchema.safeParse(body);
  if (!result.success) {
    const schemaWrong = result.error.issues.some((i) => i.path[0] === 'schemas');
    throw scimInvalid(schemaWrong ? 'invalidSyntax' : 'invalidValue', describeIssues(result.error.issues));
  }
  const data = result.data;
  const name = data.name?.formatted || joinName(data.name?.givenName ?? '', data.name?.familyName ?? '') || data.displayName || data.userName.split('@')[0]!;
  if ([...name].length > 60) throw scimInvalid('invalidValue', 'name: at most 60 characters');
  const phone = primaryValue(data.phoneNumbers);
  if (phone && phone.length > 40) throw scimInvalid('invalidValue', 'phoneNumbers: at most 40 characters');
  const enterprise = data[ENTERPRISE_USER_SCHEMA];
  return {
    email: data.userName,
    name,
    title: data.title || null,
    phone,
    active: data.active ?? true,
    externalId: data.externalId || null,
    employeeId: enterprise?.employeeNumber || null,
    departmentName: enterprise && 'department' in enterprise ? enterprise.department || null : undefined,
  };
}

/** The SCIM representation of a user (RFC 7643 §4.1, with the enterprise extension). */
export function toScimUser({ user, externalId, department }: UserRecord) {
  const body = {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    id: user.id,
    ...(externalId ? { externalId } : {}),
    userName: user.email,
    name: { formatted: user.name, ...splitName(user.name) },
    displayName: user.name,
    emails: [{ value: user.email, type: 'work', primary: true }],
    ...(user.phone ? { phoneNumbers: [{ value: user.phone, type: 'work', primary: true }] } : {}),
    ...(user.title ? { title: user.title } : {}),
    active: user.isActive,
    [ENTERPRISE_USER_SCHEMA]: {
      ...(user.employeeId ? { employeeNumber: user.employeeId } : {}),
      ...(department ? { department: department.name } : {}),
    },
    groups: department ? [{ value: department.id, display: department.name, type: 'direct' }] : [],
  };
  return { ...body, meta: resourceMeta('User', 'Users', user.id, user.createdAt, user.updatedAt, body) };
}

export type ScimUser = ReturnType<typeof toScimUser>;
