import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, departments, directoryDepartmentLinks, directoryUserLinks, organizations, scimTokens, users } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/session';
import { findUserByToken } from '@/lib/auth/tokens';
import { createScimToken, listScimTokens, revokeScimToken } from '@/lib/scim/tokens';
import { createScimTokenAction, revokeScimTokenAction } from '@/lib/scim/actions';
import { createUser, setUserActive } from '@/lib/org/user-admin-service';
import * as groupsRoute from '@/app/scim/v2/Groups/route';
import * as groupRoute from '@/app/scim/v2/Groups/[groupId]/route';
import * as resourceTypesRoute from '@/app/scim/v2/ResourceTypes/route';
import * as schemasRoute from '@/app/scim/v2/Schemas/route';
import * as schemaRoute from '@/app/scim/v2/Schemas/[schemaId]/route';
import * as configRoute from '@/app/scim/v2/ServiceProviderConfig/route';
import * as usersRoute from '@/app/scim/v2/Users/route';
import * as userRoute from '@/app/scim/v2/Users/[userId]/route';
import * as unknownRoute from '@/app/scim/v2/[...path]/route';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedOrganization, seedUser, uniqueEmail } from './support/factories';
import { tokenOf } from './support/api-client';
import { cookieJar, signInAs } from './support/session';

vi.mock('next/headers', async () => (await import('./support/session')).cookieJarModule());
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

setupTestDatabase();

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface ScimCall {
  token?: string | null;
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  query?: string;
}

let token = '';
let organizationId = '';

/** Calls a SCIM route handler the way Next does, with the IdP's bearer token and SCIM JSON. */
async function scim(handler: unknown, method: string, { token: bearer = token, params = {}, body, raw, query = '' }: ScimCall = {}) {
  const headers: Record<string, string> = {};
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const sent = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (sent !== undefined) headers['content-type'] = 'application/scim+json';
  const request = new Request(`http://localhost/scim/v2/x${query}`, { method, headers, body: sent });
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const newUser = (overrides: Record<string, unknown> = {}) => ({
  schemas: [USER, ENTERPRISE],
  userName: uniqueEmail('scim'),
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  active: true,
  ...overrides,
});

async function createScimUser(overrides: Record<string, unknown> = {}) {
  const response = await scim(usersRoute.POST, 'POST', { body: newUser(overrides) });
  expect(response.status).toBe(201);
  return response.body;
}

const patch = (id: string, operations: unknown[], handler: unknown = userRoute.PATCH) =>
  scim(handler, 'PATCH', { params: id.length ? { userId: id, groupId: id } : {}, body: { schemas: [PATCH_OP], Operations: operations } });

const filterUsers = (filter: string, extra = '') => scim(usersRoute.GET, 'GET', { query: `?filter=${encodeURIComponent(filter)}${extra}` });

function expectScimError(response: { status: number; body: { schemas: string[]; status: string; scimType?: string } }, status: number, scimType?: string) {
  expect(response.status).toBe(status);
  expect(response.body.schemas).toEqual([ERROR]);
  expect(response.body.status).toBe(String(status));
  if (scimType) expect(response.body.scimType).toBe(scimType);
}

beforeAll(async () => {
  const organization = await seedOrganization();
  organizationId = organization.id;
  const admin = await seedUser({ name: '管理员', isOrgAdmin: true });
  ({ token } = await createScimToken(userActor(admin), organizationId, { name: 'Okta' }));
});

describe('SCIM discovery', () => {
  it('describes the service: PATCH and filters yes, bulk and sort no, bearer tokens', async () => {
    const response = await scim(configRoute.GET, 'GET');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/scim+json');
    expect(response.body).toMatchObject({
      patch: { supported: true }, filter: { supported: true, maxResults: 200 }, bulk: { supported: false }, sort: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
    });
  });

  it('lists the User and Group resource types and their schemas', async () => {
    const types = await scim(resourceTypesRoute.GET, 'GET');
    expect(types.body.totalResults).toBe(2);
    expect(types.body.Resources.map((t: { endpoint: string }) => t.endpoint)).toEqual(['/Users', '/Groups']);
    const schemas = await scim(schemasRoute.GET, 'GET');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER, ENTERPRISE, GROUP]);
    const user = await scim(schemaRoute.GET, 'GET', { params: { schemaId: USER } });
    expect(user.body.attributes.find((a: { name: string }) => a.name === 'userName')).toMatchObject({ required: true, uniqueness: 'server' });
    const encoded = await scim(schemaRoute.GET, 'GET', { params: { schemaId: encodeURIComponent(ENTERPRISE) } });
    expect(encoded.body.id).toBe(ENTERPRISE);
    expectScimError(await scim(schemaRoute.GET, 'GET', { params: { schemaId: 'urn:nope' } }), 404);
    expectScimError(await scim(schemaRoute.GET, 'GET', { params: { schemaId: '%' } }), 404);
    expectScimError(await scim(unknownRoute.POST, 'POST', { body: {} }), 404);
  });
});

describe('SCIM authentication', () => {
  it('refuses a missing, wrong, revoked or personal token with a SCIM 401', async () => {
    expectScimError(await scim(usersRoute.GET, 'GET', { token: null }), 401);
    expectScimError(await scim(usersRoute.GET, 'GET', { token: 'xz_scim_wrong' }), 401);
    const admin = await seedUser({ isOrgAdmin: true });
    expectScimError(await scim(usersRoute.GET, 'GET', { token: await tokenOf(admin) }), 401);
    const { token: revoked, record } = await createScimToken(userActor(admin), organizationId, { name: 'Azure AD' });
    expect((await scim(usersRoute.GET, 'GET', { token: revoked })).status).toBe(200);
    await revokeScimToken(userActor(admin), organizationId, record.id);
    const refused = await scim(usersRoute.GET, 'GET', { token: revoked });
    expectScimError(refused, 401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('stores only a hash, counts requests, and lets only org admins manage tokens', async () => {
    const admin = await seedUser({ isOrgAdmin: true });
    const member = await seedUser();
    const { token: plain, record } = await createScimToken(userActor(admin), organizationId, { name: 'Authing' });
    expect(plain).toMatch(/^xz_scim_/);
    expect(record.tokenHash).not.toContain(plain);
    await scim(usersRoute.GET, 'GET', { token: plain });
    await scim(usersRoute.GET, 'GET', { token: plain });
    const listed = (await listScimTokens(userActor(admin), organizationId)).find((t) => t.id === record.id)!;
    expect(listed).toMatchObject({ requestCount: 2, prefix: plain.slice(0, 14) });
    expect(listed.lastUsedAt).toBeInstanceOf(Date);
    await expect(createScimToken(userActor(member), organizationId, { name: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(listScimTokens(userActor(member), organizationId)).rejects.toMatchObject({ status: 403 });
    await expect(revokeScimToken(userActor(member), organizationId, record.id)).rejects.toMatchObject({ status: 403 });
    await expect(createScimToken(userActor(admin), organizationId, { name: ' ' })).rejects.toMatchObject({ status: 422 });
  });
});

describe('SCIM Users: create and read', () => {
  it('creates a user: 201, Location, meta, lower-cased userName, enterprise attributes', async () => {
    const userName = uniqueEmail('New.Person').replace('new.person', 'New.Person');
    const response = await scim(usersRoute.POST, 'POST', {
      body: newUser({
        userName, externalId: 'okta-00u1', title: '工程师', phoneNumbers: [{ value: '+86 138 0000 0000', type: 'work', primary: true }],
        [ENTERPRISE]: { employeeNumber: 'E-1001', department: '研发部' },
      }),
    });
    expect(response.status).toBe(201);
    const user = response.body;
    expect(response.headers.get('location')).toBe(user.meta.location);
    expect(user.meta.location).toMatch(new RegExp(`/scim/v2/Users/${user.id}$`));
    expect(response.headers.get('etag')).toBe(user.meta.version);
    expect(user).toMatchObject({
      schemas: [USER, ENTERPRISE], userName: userName.toLowerCase(), externalId: 'okta-00u1', active: true, title: '工程师',
      name: { formatted: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: userName.toLowerCase(), primary: true, type: 'work' }],
      phoneNumbers: [{ value: '+86 138 0000 0000' }],
      [ENTERPRISE]: { employeeNumber: 'E-1001', department: '研发部' },
      meta: { resourceType: 'User', version: expect.stringMatching(/^W\/"/) },
    });
    expect(new Date(user.meta.created).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ email: userName.toLowerCase(), name: 'Ada Lovelace', employeeId: 'E-1001', isActive: true, passwordHash: null });
    const [department] = await db.select().from(departments).where(eq(departments.id, row!.departmentId!));
    expect(department!.name).toBe('研发部');
    const links = await db.select().from(directoryUserLinks).where(eq(directoryUserLinks.userId, user.id));
    expect(links).toMatchObject([{ source: 'scim', externalId: 'okta-00u1' }]);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, user.id), eq(auditEvents.action, 'scim.user.create')));
    expect(audit[0]!.data).toMatchObject({ via: 'scim', token: 'Okta' });

    const read = await scim(userRoute.GET, 'GET', { params: { userId: user.id } });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(user);
    const byEnterprise = await filterUsers(`${ENTERPRISE}:employeeNumber eq "E-1001" and department eq "研发部"`);
    expect(byEnterprise.body.Resources.map((u: { id: string }) => u.id)).toEqual([user.id]);
  });

  it('round-trips Chinese names: family + given name compose 张伟 and split back', async () => {
    const user = await createScimUser({ name: { familyName: '张', givenName: '伟' }, displayName: '张伟' });
    expect(user.name).toEqual({ formatted: '张伟', familyName: '张', givenName: '伟' });
    const read = await scim(userRoute.GET, 'GET', { params: { userId: user.id } });
    expect(read.body.name).toEqual({ formatted: '张伟', familyName: '张', givenName: '伟' });
    expect(read.body.displayName).toBe('张伟');
    const formatted = await createScimUser({ name: { formatted: '欧阳娜娜' } });
    expect(formatted.displayName).toBe('欧阳娜娜');
    const found = await filterUsers('name.familyName eq "张" and name.givenName eq "伟"');
    expect(found.body.Resources.map((u: { id: string }) => u.id)).toContain(user.id);
    const western = await createScimUser({ name: { formatted: 'Mary Ann Smith' } });
    const byParts = await filterUsers('name.givenName eq "mary ann" and name.familyName eq "SMITH"');
    expect(byParts.body.Resources.map((u: { id: string }) => u.id)).toEqual([western.id]);
  });

  it('refuses a taken userName (any case), employee number or external id with 409 uniqueness', async () => {
    const user = await createScimUser({ externalId: 'dup-ext', [ENTERPRISE]: { employeeNumber: 'E-DUP' } });
    expectScimError(await scim(usersRoute.POST, 'POST', { body: newUser({ userName: user.userName.toUpperCase() }) }), 409, 'uniqueness');
    expectScimError(await scim(usersRoute.POST, 'POST', { body: newUser({ [ENTERPRISE]: { employeeNumber: 'E-DUP' } }) }), 409, 'uniqueness');
    expectScimError(await scim(usersRoute.POST, 'POST', { body: newUser({ externalId: 'dup-ext' }) }), 409, 'uniqueness');
  });

  it('answers bad bodies with 400: malformed JSON, wrong schema, no email, not an object', async () => {
    expectScimError(await scim(usersRoute.POST, 'POST', { raw: '{"schemas": [' }), 400, 'invalidSyntax');
    expectScimError(await scim(usersRoute.POST, 'POST', { body: newUser({ schemas: [GROUP] }) }), 400, 'invalidSyntax');
    expectScimError(await scim(usersRoute.POST, 'POST', { body: newUser({ userName: 'not-an-email' }) }), 400, 'invalidValue');
    expectScimError(await scim(usersRoute.POST, 'POST', { raw: '[1, 2]' }), 400, 'invalidSyntax');
    expectScimError(await scim(usersRoute.POST, 'POST', { body: newUser({ active: 'maybe' }) }), 400, 'invalidValue');
    expectScimError(await scim(userRoute.GET, 'GET', { params: { userId: 'nope' } }), 404);
    expectScimError(await scim(userRoute.GET, 'GET', { params: { userId: crypto.randomUUID() } }), 404);
  });

  it('creates a user who is inactive from the start when the IdP says so', async () => {
    const user = await createScimUser({ active: false });
    expect(user.active).toBe(false);
  });
});

describe('SCIM organisation scope', () => {
  it('shows and changes only the token’s own organisation', async () => {
    const db = await getDb();
    const [elsewhere] = await db.insert(organizations).values({ name: '另一家公司' }).returning();
    const stranger = await createUser(systemActor, elsewhere!.id, { email: uniqueEmail('stranger'), name: '外人' });
    const department = await seedDepartment(elsewhere!.id, '外部部门');
    expectScimError(await scim(userRoute.GET, 'GET', { params: { userId: stranger.id } }), 404);
    expectScimError(await patch(stranger.id, [{ op: 'replace', path: 'active', value: false }]), 404);
    expectScimError(await scim(userRoute.DELETE, 'DELETE', { params: { userId: stranger.id } }), 404);
    expect((await filterUsers(`userName eq "${stranger.email}"`)).body.totalResults).toBe(0);
    expectScimError(await scim(groupRoute.GET, 'GET', { params: { groupId: department.id } }), 404);
    const group = await scim(groupsRoute.POST, 'POST', { body: { schemas: [GROUP], displayName: '吸收外人', members: [{ value: stranger.id }] } });
    expectScimError(group, 400, 'invalidValue');
    const [row] = await db.select().from(users).where(eq(users.id, stranger.id));
    expect(row).toMatchObject({ isActive: true, departmentId: null });
  });
});

describe('SCIM Users: list and filter', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const marker = `f${Date.now()}`;
    ids.a = (await createScimUser({ userName: `${marker}.a@filter.example.com`, externalId: `${marker}-a`, title: 'Lead' })).id;
    ids.b = (await createScimUser({ userName: `${marker}.b@filter.example.com`, externalId: `${marker}-b` })).id;
    ids.c = (await createScimUser({ userName: `${marker}.c@other.example.com`, active: false })).id;
    ids.marker = marker;
  });

  const idsOf = (response: { body: { Resources: { id: string }[] } }) => response.body.Resources.map((u) => u.id);

  it('filters by userName eq, case-insensitively', async () => {
    const response = await filterUsers(`userName eq "${ids.marker!.toUpperCase()}.A@FILTER.example.com"`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(idsOf(response)).toEqual([ids.a]);
  });

  it('filters by externalId eq (case-exact), emails co, sw, ew, active, pr, and/or/not', async () => {
    expect(idsOf(await filterUsers(`externalId eq "${ids.marker}-b"`))).toEqual([ids.b]);
    expect(idsOf(await filterUsers(`externalId eq "${ids.marker!.toUpperCase()}-B"`))).toEqual([]);
    expect(idsOf(await filterUsers(`emails.value co "${ids.marker}"`))).toEqual([ids.a, ids.b, ids.c]);
    expect(idsOf(await filterUsers(`emails[value co "${ids.marker}"]`))).toEqual([ids.a, ids.b, ids.c]);
    expect(idsOf(await filterUsers(`userName sw "${ids.marker}" and userName ew "@other.example.com"`))).toEqual([ids.c]);
    expect(idsOf(await filterUsers(`userName sw "${ids.marker}" and active eq false`))).toEqual([ids.c]);
    expect(idsOf(await filterUsers(`userName sw "${ids.marker}" and title pr`))).toEqual([ids.a]);
    expect(idsOf(await filterUsers(`userName sw "${ids.marker}" and not (title pr)`))).toEqual([ids.b, ids.c]);
    expect(idsOf(await filterUsers(`userName sw "${ids.marker}" and title ne "Lead"`))).toEqual([ids.b, ids.c]);
    expect(idsOf(await filterUsers(`externalId eq "${ids.marker}-a" or userName ew "${ids.marker}.c@other.example.com"`))).toEqual([ids.a, ids.c]);
    expect(idsOf(await filterUsers(`${USER}:userName sw "${ids.marker}.b"`))).toEqual([ids.b]);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(idsOf(await filterUsers(`meta.lastModified gt "${past}" and userName sw "${ids.marker}"`))).toEqual([ids.a, ids.b, ids.c]);
    expect(idsOf(await filterUsers(`meta.lastModified ge "2999-01-01T00:00:00Z"`))).toEqual([]);
  });

  it('pages with startIndex and count in a stable order', async () => {
    const filter = `userName sw "${ids.marker}"`;
    const first = await filterUsers(filter, '&startIndex=1&count=2');
    expect(first.body).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 2 });
    expect(idsOf(first)).toEqual([ids.a, ids.b]);
    const second = await filterUsers(filter, '&startIndex=3&count=2');
    expect(second.body).toMatchObject({ totalResults: 3, startIndex: 3, itemsPerPage: 1 });
    expect(idsOf(second)).toEqual([ids.c]);
    const none = await filterUsers(filter, '&count=0');
    expect(none.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
    expectScimError(await filterUsers(filter, '&count=two'), 400, 'invalidValue');
  });

  it('answers a startIndex past any bigint with an empty page, not a database error', async () => {
    const far = await filterUsers(`userName sw "${ids.marker}"`, '&startIndex=99999999999999999999999');
    expect(far.status).toBe(200);
    expect(far.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it('returns only the attributes asked for, id always', async () => {
    const response = await filterUsers(`externalId eq "${ids.marker}-a"`, '&attributes=userName,name.givenName');
    expect(Object.keys(response.body.Resources[0]).sort()).toEqual(['id', 'name', 'schemas', 'userName']);
    const excluded = await scim(userRoute.GET, 'GET', { params: { userId: ids.a! }, query: '?excludedAttributes=groups,emails' });
    expect(excluded.body).not.toHaveProperty('emails');
    expect(excluded.body).toHaveProperty('userName');
  });

  it('answers an invalid or unsupported filter with 400 invalidFilter', async () => {
    expectScimError(await filterUsers('userName eq'), 400, 'invalidFilter');
    expectScimError(await filterUsers('bogus filter text'), 400, 'invalidFilter');
    expectScimError(await filterUsers('nickName eq "x"'), 400, 'invalidFilter');
    expectScimError(await filterUsers('userName gt "a"'), 400, 'invalidFilter');
    expectScimError(await filterUsers('active eq "perhaps"'), 400, 'invalidFilter');
    expectScimError(await filterUsers('meta.lastModified gt "yesterday"'), 400, 'invalidFilter');
    // Valid for JavaScript, outside what Postgres stores (and written +099999-… by toISOString).
    expectScimError(await filterUsers('meta.created gt "99999-01-01"'), 400, 'invalidFilter');
    expectScimError(await filterUsers('meta.lastModified eq "+275760-09-13T00:00:00.000Z"'), 400, 'invalidFilter');
  });
});

describe('SCIM Users: replace and patch', () => {
  it('replaces a user with PUT: omitted attributes are cleared, read-only ones ignored', async () => {
    const user = await createScimUser({ title: 'Old title', phoneNumbers: [{ value: '12345678' }] });
    const response = await scim(userRoute.PUT, 'PUT', {
      params: { userId: user.id },
      body: { schemas: [USER], id: 'ignored', userName: user.userName, name: { formatted: '李四' }, active: true },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, displayName: '李四', name: { formatted: '李四', familyName: '李', givenName: '四' } });
    expect(response.body).not.toHaveProperty('title');
    expect(response.body).not.toHaveProperty('phoneNumbers');
    expect(response.body.meta.version).not.toBe(user.meta.version);
    expectScimError(await scim(userRoute.PUT, 'PUT', { params: { userId: user.id }, body: { schemas: [USER] } }), 400, 'invalidValue');
    const other = await createScimUser();
    expectScimError(await scim(userRoute.PUT, 'PUT', { params: { userId: other.id }, body: newUser({ userName: user.userName }) }), 409, 'uniqueness');
  });

  it('patches with add/replace/remove and paths, including the enterprise extension', async () => {
    const user = await createScimUser({ title: 'Engineer' });
    const response = await patch(user.id, [
      { op: 'replace', path: 'name.givenName', value: 'Augusta' },
      { op: 'add', path: 'phoneNumbers', value: [{ value: '+86 10 1234 5678', type: 'work' }] },
      { op: 'remove', path: 'title' },
      { op: 'replace', path: `${ENTERPRISE}:employeeNumber`, value: 'E-7' },
      { op: 'add', path: `${ENTERPRISE}:department`, value: '市场部' },
      { op: 'replace', path: 'emails[type eq "work"].value', value: user.userName },
      { op: 'replace', path: 'addresses', value: [{ type: 'work', locality: '上海' }] },
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: { formatted: 'Augusta Lovelace', givenName: 'Augusta', familyName: 'Lovelace' },
      phoneNumbers: [{ value: '+86 10 1234 5678' }],
      [ENTERPRISE]: { employeeNumber: 'E-7', department: '市场部' },
    });
    expect(response.body).not.toHaveProperty('title');
    const removed = await patch(user.id, [{ op: 'remove', path: `${ENTERPRISE}:department` }, { op: 'replace', path: 'displayName', value: '奥古斯塔' }]);
    expect(removed.body[ENTERPRISE]).toEqual({ employeeNumber: 'E-7' });
    expect(removed.body.groups).toEqual([]);
    expect(removed.body.displayName).toBe('奥古斯塔');
  });

  it('accepts Okta’s path-less replace and Azure AD’s capitalised ops with string booleans', async () => {
    const user = await createScimUser();
    const okta = await patch(user.id, [{ op: 'replace', value: { id: user.id, active: false, [ENTERPRISE]: { employeeNumber: 'OK-1' } } }]);
    expect(okta.status).toBe(200);
    expect(okta.body).toMatchObject({ active: false, [ENTERPRISE]: { employeeNumber: 'OK-1' } });
    const azure = await patch(user.id, [
      { op: 'Replace', path: 'active', value: 'True' },
      { op: 'Add', path: 'title', value: 'Manager' },
      { op: 'Replace', value: { 'name.familyName': 'Byron' } },
    ]);
    expect(azure.status).toBe(200);
    expect(azure.body).toMatchObject({ active: true, title: 'Manager', name: { familyName: 'Byron', formatted: 'Ada Byron' } });
  });

  it('refuses unknown paths (invalidPath), read-only attributes (mutability), missing targets, a wrong schema', async () => {
    const user = await createScimUser();
    expectScimError(await patch(user.id, [{ op: 'replace', path: 'favouriteColour', value: 'red' }]), 400, 'invalidPath');
    expectScimError(await patch(user.id, [{ op: 'replace', path: 'name.nickname', value: 'x' }]), 400, 'invalidPath');
    expectScimError(await patch(user.id, [{ op: 'replace', path: `${ENTERPRISE}:shoeSize`, value: 44 }]), 400, 'invalidPath');
    expectScimError(await patch(user.id, [{ op: 'replace', path: 'emails[type eq', value: 'x' }]), 400, 'invalidPath');
    expectScimError(await patch(user.id, [{ op: 'replace', value: { unknownThing: 1 } }]), 400, 'invalidPath');
    expectScimError(await patch(user.id, [{ op: 'replace', path: 'id', value: crypto.randomUUID() }]), 400, 'mutability');
    expectScimError(await patch(user.id, [{ op: 'replace', value: { id: crypto.randomUUID() } }]), 400, 'mutability');
    expectScimError(await patch(user.id, [{ op: 'replace', path: 'meta.created', value: 'x' }]), 400, 'mutability');
    expectScimError(await patch(user.id, [{ op: 'replace', path: 'phoneNumbers[type eq "fax"].value', value: '1' }]), 400, 'noTarget');
    expectScimError(await patch(user.id, [{ op: 'remove' }]), 400, 'noTarget');
    expectScimError(await patch(user.id, [{ op: 'move', path: 'title' }]), 400, 'invalidSyntax');
    expectScimError(await patch(user.id, [{ op: 'remove', path: 'userName' }]), 400, 'invalidValue');
    const wrongSchema = await scim(userRoute.PATCH, 'PATCH', {
      params: { userId: user.id }, body: { schemas: [USER], Operations: [{ op: 'replace', path: 'title', value: 'x' }] },
    });
    expectScimError(wrongSchema, 400, 'invalidValue');
    const unchanged = await scim(userRoute.GET, 'GET', { params: { userId: user.id } });
    expect(unchanged.body.meta.version).toBe(user.meta.version);
  });
});

describe('SCIM Users: deactivation', () => {
  it('ends the person’s sessions and tokens at once when deactivated, and lets them back in on reactivation', async () => {
    const person = await seedUser({ name: '离职员工' });
    const personalToken = await tokenOf(person);
    await signInAs(person);
    expect((await getCurrentUser())?.id).toBe(person.id);

    const off = await patch(person.id, [{ op: 'replace', value: { active: false } }]);
    expect(off.body.active).toBe(false);
    expect(await getCurrentUser()).toBeNull();
    expect(await findUserByToken(personalToken)).toBeNull();
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ isActive: false, sessionVersion: person.sessionVersion + 1 });

    const on = await patch(person.id, [{ op: 'Replace', path: 'active', value: 'True' }]);
    expect(on.body.active).toBe(true);
    expect((await findUserByToken(personalToken))?.id).toBe(person.id);
    await signInAs((await db.select().from(users).where(eq(users.id, person.id)))[0]!);
    expect((await getCurrentUser())?.id).toBe(person.id);
    cookieJar.clear();
  });

  it('deactivates through PUT active=false as well', async () => {
    const user = await createScimUser();
    const response = await scim(userRoute.PUT, 'PUT', { params: { userId: user.id }, body: newUser({ userName: user.userName, active: false }) });
    expect(response.body.active).toBe(false);
    const audit = await (await getDb()).select().from(auditEvents).where(and(eq(auditEvents.targetId, user.id), eq(auditEvents.action, 'user.deactivate')));
    expect(audit).toHaveLength(1);
  });

  it('DELETE deactivates (we never delete people): 204, then GET still answers with active false', async () => {
    const user = await createScimUser();
    const response = await scim(userRoute.DELETE, 'DELETE', { params: { userId: user.id } });
    expect(response.status).toBe(204);
    const read = await scim(userRoute.GET, 'GET', { params: { userId: user.id } });
    expect(read.status).toBe(200);
    expect(read.body.active).toBe(false);
    expect((await scim(userRoute.DELETE, 'DELETE', { params: { userId: user.id } })).status).toBe(204);
    expectScimError(await scim(userRoute.DELETE, 'DELETE', { params: { userId: crypto.randomUUID() } }), 404);
  });

  it('refuses to deactivate the last active admin (409) and changes nothing', async () => {
    const db = await getDb();
    const admins = await db.select().from(users).where(and(eq(users.isOrgAdmin, true), eq(users.isActive, true)));
    const [last, ...others] = admins;
    for (const other of others) await setUserActive(systemActor, organizationId, other.id, false);
    const refused = await patch(last!.id, [{ op: 'replace', path: 'active', value: false }, { op: 'replace', path: 'title', value: 'Changed' }]);
    expectScimError(refused, 409);
    const [row] = await db.select().from(users).where(eq(users.id, last!.id));
    expect(row).toMatchObject({ isActive: true, title: last!.title });
    for (const other of others) await setUserActive(systemActor, organizationId, other.id, true);
  });
});

describe('SCIM Groups (departments)', () => {
  it('creates a group as a department and moves its members into it', async () => {
    const [a, b] = [await createScimUser(), await createScimUser()];
    const response = await scim(groupsRoute.POST, 'POST', {
      body: { schemas: [GROUP], displayName: '产品部', externalId: 'grp-product', members: [{ value: a.id }, { value: b.id }] },
    });
    expect(response.status).toBe(201);
    const group = response.body;
    expect(response.headers.get('location')).toBe(group.meta.location);
    expect(group).toMatchObject({ schemas: [GROUP], displayName: '产品部', externalId: 'grp-product', meta: { resourceType: 'Group' } });
    expect(group.members.map((m: { value: string }) => m.value)).toEqual([a.id, b.id]);
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, a.id)))[0]!.departmentId).toBe(group.id);
    expect(await db.select().from(directoryDepartmentLinks).where(eq(directoryDepartmentLinks.departmentId, group.id)))
      .toMatchObject([{ source: 'scim', externalId: 'grp-product' }]);
    const member = await scim(userRoute.GET, 'GET', { params: { userId: a.id } });
    expect(member.body.groups).toMatchObject([{ value: group.id, display: '产品部' }]);
    expect(member.body[ENTERPRISE].department).toBe('产品部');

    expectScimError(await scim(groupsRoute.POST, 'POST', { body: { schemas: [GROUP], displayName: '产品部' } }), 409, 'uniqueness');
    expectScimError(await scim(groupsRoute.POST, 'POST', { body: { schemas: [GROUP], displayName: '新部门', members: [{ value: crypto.randomUUID() }] } }), 400, 'invalidValue');
    expectScimError(await scim(groupsRoute.POST, 'POST', { body: { schemas: [USER], displayName: '新部门' } }), 400, 'invalidSyntax');
    expectScimError(await scim(groupsRoute.POST, 'POST', { body: { schemas: [GROUP] } }), 400, 'invalidValue');
  });

  it('patches members the Okta and Azure AD ways and renames', async () => {
    const [a, b, c] = [await createScimUser(), await createScimUser(), await createScimUser()];
    const group = (await scim(groupsRoute.POST, 'POST', { body: { schemas: [GROUP], displayName: '销售部', members: [{ value: a.id }] } })).body;
    const groupPatch = (operations: unknown[]) => patch(group.id, operations, groupRoute.PATCH);
    const memberIds = (response: { body: { members: { value: string }[] } }) => response.body.members.map((m) => m.value);

    expect(memberIds(await groupPatch([{ op: 'add', path: 'members', value: [{ value: b.id, display: 'B' }, { value: c.id }] }]))).toEqual([a.id, b.id, c.id]);
    expect(memberIds(await groupPatch([{ op: 'remove', path: `members[value eq "${a.id}"]` }]))).toEqual([b.id, c.id]);
    expect(memberIds(await groupPatch([{ op: 'Remove', path: 'members', value: [{ value: b.id }] }]))).toEqual([c.id]);
    const db = await getDb();
    expect((await db.select().from(users).where(eq(users.id, a.id)))[0]!.departmentId).toBeNull();
    const renamed = await groupPatch([{ op: 'Replace', value: { id: group.id, displayName: '大客户销售部' } }]);
    expect(renamed.body).toMatchObject({ displayName: '大客户销售部' });
    expect((await db.select().from(departments).where(eq(departments.id, group.id)))[0]!.name).toBe('大客户销售部');
    expectScimError(await groupPatch([{ op: 'replace', path: 'owner', value: 'x' }]), 400, 'invalidPath');
    expectScimError(await groupPatch([{ op: 'replace', path: 'id', value: 'x' }]), 400, 'mutability');

    const replaced = await scim(groupRoute.PUT, 'PUT', {
      params: { groupId: group.id }, body: { schemas: [GROUP], displayName: '大客户销售部', members: [{ value: a.id }] },
    });
    expect(memberIds(replaced)).toEqual([a.id]);
    expect((await db.select().from(users).where(eq(users.id, c.id)))[0]!.departmentId).toBeNull();
  });

  it('lists and filters groups: displayName, externalId, members.value, excludedAttributes', async () => {
    const a = await createScimUser();
    const marker = `G${Date.now()}`;
    const group = (await scim(groupsRoute.POST, 'POST', {
      body: { schemas: [GROUP], displayName: `${marker} 财务部`, externalId: `${marker}-ext`, members: [{ value: a.id }] },
    })).body;
    const list = (filter: string, extra = '') => scim(groupsRoute.GET, 'GET', { query: `?filter=${encodeURIComponent(filter)}${extra}` });
    const byName = await list(`displayName eq "${marker.toLowerCase()} 财务部"`);
    expect(byName.body).toMatchObject({ totalResults: 1, Resources: [{ id: group.id }] });
    expect((await list(`externalId eq "${marker}-ext"`)).body.Resources.map((g: { id: string }) => g.id)).toEqual([group.id]);
    expect((await list(`members.value eq "${a.id}"`)).body.Resources.map((g: { id: string }) => g.id)).toEqual([group.id]);
    expect((await list(`id eq "${group.id}" and members eq "${crypto.randomUUID()}"`)).body.totalResults).toBe(0);
    const slim = await list(`displayName sw "${marker}"`, '&excludedAttributes=members');
    expect(slim.body.Resources[0]).not.toHaveProperty('members');
    expectScimError(await list('members.display eq "x"'), 400, 'invalidFilter');

    const seeded = await seedDepartment(organizationId, `${marker} 现有部门`);
    const all = await scim(groupsRoute.GET, 'GET', { query: '?count=200' });
    expect(all.body.Resources.map((g: { id: string }) => g.id)).toContain(seeded.id);
  });

  it('deletes a group: members keep their accounts without the department; one with sub-departments stays', async () => {
    const a = await createScimUser();
    const group = (await scim(groupsRoute.POST, 'POST', { body: { schemas: [GROUP], displayName: '临时项目组', members: [{ value: a.id }] } })).body;
    expect((await scim(groupRoute.DELETE, 'DELETE', { params: { groupId: group.id } })).status).toBe(204);
    expectScimError(await scim(groupRoute.GET, 'GET', { params: { groupId: group.id } }), 404);
    const member = await scim(userRoute.GET, 'GET', { params: { userId: a.id } });
    expect(member.body).toMatchObject({ active: true, groups: [] });

    const parent = await seedDepartment(organizationId, '总部');
    await seedDepartment(organizationId, '总部-分部', parent.id);
    expectScimError(await scim(groupRoute.DELETE, 'DELETE', { params: { groupId: parent.id } }), 409);
    expect((await scim(groupRoute.GET, 'GET', { params: { groupId: parent.id } })).status).toBe(200);
  });
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe('SCIM tokens', () => {
  it('lets an org admin create a token in the console (shown once) and revoke it; a member is refused', async () => {
    const admin = await seedUser({ isOrgAdmin: true });
    await signInAs(admin);
    const created = await createScimTokenAction(null, form({ name: 'Authing 生产' }));
    expect(created).toMatchObject({ ok: true, data: { token: expect.stringMatching(/^xz_scim_/) } });
    const plain = (created as { data: { token: string } }).data.token;
    expect((await scim(usersRoute.GET, 'GET', { token: plain })).status).toBe(200);
    const record = (await listScimTokens(userActor(admin), organizationId)).find((t) => t.name === 'Authing 生产')!;
    expect(await revokeScimTokenAction(null, form({ tokenId: record.id }))).toMatchObject({ ok: true });
    expectScimError(await scim(usersRoute.GET, 'GET', { token: plain }), 401);
    expect(await createScimTokenAction(null, form({ name: '' }))).toMatchObject({ ok: false, fieldErrors: { name: ['此项为必填项'] } });

    await signInAs(await seedUser());
    expect(await createScimTokenAction(null, form({ name: 'sneaky' }))).toMatchObject({ ok: false });
    cookieJar.clear();
  });

  it('counts every request of the token that made them', async () => {
    const db = await getDb();
    const [row] = await db.select().from(scimTokens).where(eq(scimTokens.name, 'Okta'));
    expect(row!.requestCount).toBeGreaterThan(50);
  });
});
