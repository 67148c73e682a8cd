import { scimBaseUrl } from './http';
import { MAX_PAGE_SIZE } from './list';
import {
  ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, RESOURCE_TYPE_SCHEMA, SCHEMA_SCHEMA, SERVICE_PROVIDER_CONFIG_SCHEMA, USER_SCHEMA,
} from './urns';

// The discovery endpoints of RFC 7644 §4: what this server supports, for IdPs and humans.

const meta = (resourceType: string, path: string) => ({ resourceType, location: `${scimBaseUrl()}${path}` });

export function serviceProviderConfig() {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    // Resources carry meta.version and an ETag header; If-Match is not enforced.
    etag: { supported: false },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: 'A SCIM token created in the admin console (Admin → SCIM)', primary: true },
    ],
    meta: meta('ServiceProviderConfig', '/ServiceProviderConfig'),
  };
}

const RESOURCE_TYPES = [
  {
    schemas: [RESOURCE_TYPE_SCHEMA], id: 'User', name: 'User', endpoint: '/Users', description: 'People of the organisation',
    schema: USER_SCHEMA, schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }], meta: meta('ResourceType', '/ResourceTypes/User'),
  },
  {
    schemas: [RESOURCE_TYPE_SCHEMA], id: 'Group', name: 'Group', endpoint: '/Groups', description: 'Departments',
    schema: GROUP_SCHEMA, schemaExtensions: [], meta: meta('ResourceType', '/ResourceTypes/Group'),
  },
];

interface AttributeSpec {
  name: string;
  type?: 'string' | 'boolean' | 'complex' | 'dateTime' | 'reference';
  multiValued?: boolean;
  required?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable';
  uniqueness?: 'none' | 'server';
  caseExact?: boolean;
  subAttributes?: AttributeSpec[];
}

function attribute(spec: AttributeSpec): Record<string, unknown> {
  return {
    name: spec.name, type: spec.type ?? 'string', multiValued: spec.multiValued ?? false, required: spec.required ?? false,
    caseExact: spec.caseExact ?? false, mutability: spec.mutability ?? 'readWrite', returned: 'default', uniqueness: spec.uniqueness ?? 'none',
    ...(spec.subAttributes ? { subAttributes: spec.subAttributes.map(attribute) } : {}),
  };
}

const multiValue = (name: string): AttributeSpec => ({
  name, type: 'complex', multiValued: true,
  subAttributes: [{ name: 'value' }, { name: 'type' }, { name: 'primary', type: 'boolean' }],
});

const SCHEMAS = [
  {
    id: USER_SCHEMA, name: 'User', description: 'User Account',
    attributes: [
      { name: 'userName', required: true, uniqueness: 'server' },
      { name: 'externalId', caseExact: true },
      { name: 'name', type: 'complex', subAttributes: [{ name: 'formatted' }, { name: 'familyName' }, { name: 'givenName' }] },
      { name: 'displayName' },
      { name: 'title' },
      { name: 'active', type: 'boolean' },
      multiValue('emails'),
      multiValue('phoneNumbers'),
      { name: 'groups', type: 'complex', multiValued: true, mutability: 'readOnly', subAttributes: [{ name: 'value' }, { name: 'display' }] },
    ] satisfies AttributeSpec[],
  },
  {
    id: ENTERPRISE_USER_SCHEMA, name: 'EnterpriseUser', description: 'Enterprise User',
    attributes: [{ name: 'employeeNumber', uniqueness: 'server', caseExact: true }, { name: 'department' }] satisfies AttributeSpec[],
  },
  {
    id: GROUP_SCHEMA, name: 'Group', description: 'Group (a department)',
    attributes: [
      { name: 'displayName', required: true, uniqueness: 'server' },
      { name: 'externalId', caseExact: true },
      { name: 'members', type: 'complex', multiValued: true, subAttributes: [{ name: 'value', mutability: 'immutable' }, { name: 'display' }] },
    ] satisfies AttributeSpec[],
  },
].map((schema) => ({
  schemas: [SCHEMA_SCHEMA], ...schema, attributes: schema.attributes.map(attribute), meta: meta('Schema', `/Schemas/${schema.id}`),
}));

export function listResourceTypes() {
  return RESOURCE_TYPES;
}

export function findResourceType(id: string) {
  return RESOURCE_TYPES.find((t) => t.id.toLowerCase() === id.toLowerCase()) ?? null;
}

export function listSchemas() {
  return SCHEMAS;
}

/** A schema by its URN, whether the router handed the path segment over decoded or not. */
export function findSchema(id: string) {
  const wanted = [id, id.replace(/%3a/gi, ':')].map((v) => v.toLowerCase());
  return SCHEMAS.find((s) => wanted.includes(s.id.toLowerCase())) ?? null;
}
