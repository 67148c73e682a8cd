import { scimInvalid } from './errors';
import { normalizeAttributePath } from './filter';
import { ENTERPRISE_USER_SCHEMA, LIST_RESPONSE_SCHEMA } from './urns';

/** The most resources one page holds (ServiceProviderConfig filter.maxResults). */
export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 100;
/** Past any real result, and still an offset Postgres takes: a larger startIndex is clamped to it. */
const MAX_START_INDEX = 2 ** 31 - 1;

export interface ListQuery {
  filter?: string;
  /** 1-based, as in SCIM. */
  startIndex: number;
  count: number;
  attributes?: string[];
  excludedAttributes?: string[];
}

function attributeList(value: string | null): string[] | undefined {
  const list = value?.split(',').map((a) => a.trim()).filter(Boolean);
  return list?.length ? list : undefined;
}

function integerParam(value: string | null, name: string): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw scimInvalid('invalidValue', `${name} must be an integer`);
  return Number(value);
}

/** startIndex below 1 counts as 1 and a negative count as 0 (RFC 7644 §3.4.2.4); both are capped. */
export function parseListQuery(url: URL): ListQuery {
  const params = url.searchParams;
  return {
    filter: params.get('filter')?.trim() || undefined,
    startIndex: Math.min(MAX_START_INDEX, Math.max(1, integerParam(params.get('startIndex'), 'startIndex') ?? 1)),
    count: Math.min(MAX_PAGE_SIZE, Math.max(0, integerParam(params.get('count'), 'count') ?? DEFAULT_PAGE_SIZE)),
    attributes: attributeList(params.get('attributes')),
    excludedAttributes: attributeList(params.get('excludedAttributes')),
  };
}

/** The top-level key of a resource an attribute path names (`name.givenName` → name). */
function topLevelKey(path: string): string {
  const lower = path.toLowerCase();
  if (lower.startsWith(`${ENTERPRISE_USER_SCHEMA.toLowerCase()}:`)) return ENTERPRISE_USER_SCHEMA.toLowerCase();
  return normalizeAttributePath(path).split('.')[0]!;
}

const ALWAYS_RETURNED = new Set(['id', 'schemas']);

/** Only the attributes asked for (or all but the excluded ones), by top-level attribute; id always. */
export function projectResource<T extends Record<string, unknown>>(resource: T, query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>): Partial<T> {
  if (!query.attributes && !query.excludedAttributes) return resource;
  const wanted = query.attributes && new Set(query.attributes.map(topLevelKey));
  const excluded = new Set((query.excludedAttributes ?? []).map(topLevelKey));
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => {
      const lower = key.toLowerCase();
      if (ALWAYS_RETURNED.has(lower)) return true;
      return wanted ? wanted.has(lower) : !excluded.has(lower);
    }),
  ) as Partial<T>;
}

export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return { schemas: [LIST_RESPONSE_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}
