import { and, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { parse, type Filter } from 'scim2-parse-filter';
import { isUuid } from '@/lib/validation';
import { scimInvalid } from './errors';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './urns';

/**
 * How one filterable attribute reads in SQL. `text` compares case-insensitively (caseExact false
 * in RFC 7643), `exactText` as written; `within` wraps a condition on a value kept in another table.
 */
export interface FilterAttribute {
  kind: 'text' | 'exactText' | 'boolean' | 'dateTime' | 'id';
  expr: SQL | AnyPgColumn;
  within?: (condition: SQL) => SQL;
}

/** Filterable attributes by lower-cased path (`emails.value`, `meta.lastmodified`). */
export type FilterAttributes = Record<string, FilterAttribute>;

const SCHEMA_PREFIXES = [USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA].map((urn) => `${urn.toLowerCase()}:`);

/** An attribute path without its schema URN, lower-cased: attribute names are case-insensitive. */
export function normalizeAttributePath(path: string): string {
  const lower = path.toLowerCase();
  const prefix = SCHEMA_PREFIXES.find((p) => lower.startsWith(p));
  return prefix ? lower.slice(prefix.length) : lower;
}

function likePattern(value: string, op: 'co' | 'sw' | 'ew'): string {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  return op === 'co' ? `%${escaped}%` : op === 'sw' ? `${escaped}%` : `%${escaped}`;
}

function invalid(detail: string): never {
  throw scimInvalid('invalidFilter', detail);
}

function compareText(expr: SQL | AnyPgColumn, op: string, value: unknown, caseExact: boolean): SQL {
  if (typeof value !== 'string') invalid(`A string is expected for ${op}`);
  const left = caseExact ? sql`${expr}` : sql`lower(${expr})`;
  const right = caseExact ? value : value.toLowerCase();
  switch (op) {
    case 'eq': return sql`${left} = ${right}`;
    case 'co': case 'sw': case 'ew': return sql`${left} like ${likePattern(right, op)}`;
    default: return invalid(`Operator ${op} is not supported on this attribute`);
  }
}

function compareValue(attribute: FilterAttribute, op: string, value: unknown, path: string): SQL {
  const { expr, kind } = attribute;
  if (kind === 'text' || kind === 'exactText') return compareText(expr, op, value, kind === 'exactText');
  if (kind === 'boolean') {
    // Azure AD writes booleans as "True"/"False" strings in places; accept both forms.
    const flag = typeof value === 'string' ? ({ true: true, false: false } as Record<string, boolean>)[value.toLowerCase()] : value;
    if (op !== 'eq' || typeof flag !== 'boolean') invalid(`${path} supports eq true/false only`);
    return sql`${expr} = ${flag}`;
  }
  if (kind === 'id') {
    if (op !== 'eq') invalid(`${path} supports eq only`);
    return isUuid(value) ? sql`${expr} = ${value}` : sql`false`;
  }
  const time = typeof value === 'string' ? new Date(value) : null;
  // Years past 9999 are valid JavaScript dates, but neither ISO 8601 as SCIM means it nor storable by Postgres.
  if (!time || Number.isNaN(time.getTime()) || time.getUTCFullYear() < 1 || time.getUTCFullYear() > 9999) {
    invalid(`${path} needs an ISO 8601 date-time`);
  }
  const symbol = ({ eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' } as Record<string, string>)[op];
  if (!symbol) invalid(`Operator ${op} is not supported on ${path}`);
  return sql`${expr} ${sql.raw(symbol)} ${time.toISOString()}::timestamptz`;
}

function compile(filter: Filter, attributes: FilterAttributes, prefix: string): SQL {
  switch (filter.op) {
    case 'and': case 'or': {
      const parts = filter.filters.map((f) => compile(f, attributes, prefix));
      return (filter.op === 'and' ? and(...parts) : or(...parts)) ?? sql`true`;
    }
    case 'not':
      return not(sql`coalesce(${compile(filter.filter, attributes, prefix)}, false)`);
    case '[]':
      return compile(filter.valFilter, attributes, `${normalizeAttributePath(filter.attrPath)}.`);
  }
  const path = prefix + normalizeAttributePath(filter.attrPath);
  const attribute = attributes[path] ?? attributes[`${path}.value`];
  if (!attribute) invalid(`Filtering on ${filter.attrPath} is not supported`);
  let condition: SQL;
  if (filter.op === 'pr') {
    condition = attribute.kind === 'boolean' ? sql`true` : sql`nullif(${attribute.expr}::text, '') is not null`;
  } else if (filter.op === 'ne') {
    // ne is "not eq", so it also holds where the attribute has no value at all.
    const equal = compareValue(attribute, 'eq', filter.compValue, path);
    return not(sql`coalesce(${attribute.within ? attribute.within(equal) : equal}, false)`);
  } else {
    condition = compareValue(attribute, filter.op, filter.compValue, path);
  }
  return attribute.within ? attribute.within(condition) : condition;
}

/** The SQL condition of a SCIM filter (RFC 7644 §3.4.2.2); anything outside the supported set is 400 invalidFilter. */
export function compileFilter(text: string, attributes: FilterAttributes): SQL {
  let ast: Filter;
  try {
    ast = parse(text);
  } catch {
    invalid('The filter is not valid SCIM filter syntax');
  }
  return compile(ast, attributes, '');
}
