import { z } from 'zod';
import { filter as matcherOf, parse, type Filter } from 'scim2-parse-filter';
import { scimInvalid, ScimError } from './errors';
import { GROUP_SCHEMA, PATCH_OP_SCHEMA, USER_SCHEMA } from './urns';

/** An attribute a PATCH may name: its spelling in resources, and what it holds. */
export interface PatchAttribute {
  name: string;
  multiValued?: boolean;
  readOnly?: boolean;
  /** Sub-attributes of a complex attribute (or of each value of a multi-valued one). */
  subAttributes?: string[];
  /** A standard attribute we accept (so an IdP's default mapping works) but do not keep. */
  ignored?: boolean;
}

/** The attributes of a resource type, core ones and, by URN, those of extensions. */
export interface PatchTarget {
  core: PatchAttribute[];
  extensions?: Record<string, PatchAttribute[]>;
}

type Doc = Record<string, unknown>;
type Op = 'add' | 'replace' | 'remove';

const operationSchema = z.object({
  op: z.string().transform((v) => v.toLowerCase()).pipe(z.enum(['add', 'replace', 'remove'])),
  path: z.string().trim().min(1).optional(),
  value: z.unknown().optional(),
});

const patchBodySchema = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(PATCH_OP_SCHEMA)),
  Operations: z.array(operationSchema).min(1).max(1000),
});

/** The operations of a PatchOp request (RFC 7644 §3.5.2), with `op` in lower case (Azure AD sends "Replace"). */
export function parsePatchBody(body: unknown) {
  const result = patchBodySchema.safeParse(body);
  if (!result.success) {
    const schemaWrong = result.error.issues.some((i) => i.path[0] === 'schemas');
    throw scimInvalid(
      schemaWrong ? 'invalidValue' : 'invalidSyntax',
      schemaWrong ? `schemas must contain ${PATCH_OP_SCHEMA}` : 'Operations must be a list of {op: add|replace|remove, path?, value?}',
    );
  }
  return result.data.Operations;
}

interface ResolvedPath {
  /** Where the attribute lives: the resource itself, or the extension object keyed by its URN. */
  extension?: string;
  attribute: PatchAttribute;
  valueFilter?: Filter;
  subAttribute?: string;
}

const PATH_PATTERN = /^([A-Za-z][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w$-]*))?$/;

function resolvePath(path: string, target: PatchTarget): ResolvedPath {
  let rest = path;
  let extension: string | undefined;
  const lower = path.toLowerCase();
  for (const urn of [USER_SCHEMA, GROUP_SCHEMA]) {
    if (lower.startsWith(`${urn.toLowerCase()}:`)) rest = path.slice(urn.length + 1);
  }
  for (const urn of Object.keys(target.extensions ?? {})) {
    if (lower.startsWith(`${urn.toLowerCase()}:`)) {
      extension = urn;
      rest = path.slice(urn.length + 1);
    }
  }
  const match = PATH_PATTERN.exec(rest);
  if (!match) throw scimInvalid('invalidPath', `Unsupported path: ${path}`);
  const [, name, filterText, sub] = match;
  const attributes = extension ? target.extensions![extension]! : target.core;
  const attribute = attributes.find((a) => a.name.toLowerCase() === name!.toLowerCase());
  if (!attribute) throw scimInvalid('invalidPath', `Unknown attribute: ${path}`);
  const subAttribute = sub && attribute.subAttributes?.find((s) => s.toLowerCase() === sub.toLowerCase());
  if (sub && !subAttribute) throw scimInvalid('invalidPath', `Unknown sub-attribute: ${path}`);
  if (filterText && !attribute.multiValued) throw scimInvalid('invalidPath', `${attribute.name} is not multi-valued: ${path}`);
  let valueFilter: Filter | undefined;
  if (filterText) {
    try {
      valueFilter = parse(filterText);
    } catch {
      throw scimInvalid('invalidPath', `Invalid value filter in path: ${path}`);
    }
  }
  return { extension, attribute, valueFilter, subAttribute: subAttribute || undefined };
}

const isObject = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The plain values a filter's `eq` parts name (type eq "work"), to make the value an `add` targets. */
function valuesOfFilter(filter: Filter): Doc {
  if (filter.op === 'eq') return { [filter.attrPath]: filter.compValue };
  if (filter.op === 'and') return Object.assign({}, ...filter.filters.map(valuesOfFilter));
  return {};
}

function sameValue(a: unknown, b: unknown) {
  return isObject(a) && isObject(b) && a.value !== undefined && String(a.value) === String(b.value);
}

function applyAtPath(doc: Doc, op: Op, path: string, value: unknown, target: PatchTarget) {
  const { extension, attribute, valueFilter, subAttribute } = resolvePath(path, target);
  if (attribute.readOnly) throw new ScimError(400, `${attribute.name} is read-only`, 'mutability');
  if (attribute.ignored) return;
  const holder = extension ? ((doc[extension] ??= {}) as Doc) : doc;
  const key = attribute.name;

  if (!attribute.multiValued) {
    if (subAttribute) {
      const complex = (isObject(holder[key]) ? holder[key] : (holder[key] = {})) as Doc;
      if (op === 'remove') delete complex[subAttribute];
      else complex[subAttribute] = value;
    } else if (op === 'remove') {
      delete holder[key];
    } else if (attribute.subAttributes && isObject(value)) {
      // A complex attribute: the given sub-attributes replace theirs, the rest stay (§3.5.2.3).
      holder[key] = { ...(isObject(holder[key]) ? holder[key] : {}), ...value };
    } else {
      holder[key] = value;
    }
    return;
  }

  const current = (Array.isArray(holder[key]) ? holder[key] : []) as Doc[];
  if (valueFilter) {
    const matches = matcherOf(valueFilter);
    const hit = current.filter((item) => matches(item));
    if (op === 'remove') {
      holder[key] = subAttribute
        ? current.map((item) => (hit.includes(item) ? (({ [subAttribute]: _gone, ...kept }) => kept)(item) : item))
        : current.filter((item) => !hit.includes(item));
      return;
    }
    if (!hit.length) {
      if (op === 'replace') throw new ScimError(400, `No value matches ${path}`, 'noTarget');
      const added = { ...valuesOfFilter(valueFilter), ...(subAttribute ? { [subAttribute]: value } : isObject(value) ? value : {}) };
      holder[key] = [...current, added];
      return;
    }
    holder[key] = current.map((item) =>
      !hit.includes(item) ? item : subAttribute ? { ...item, [subAttribute]: value } : { ...item, ...(isObject(value) ? value : {}) },
    );
    return;
  }
  if (subAttribute) {
    if (op === 'remove') holder[key] = current.map(({ [subAttribute]: _gone, ...kept }) => kept);
    else holder[key] = current.length ? current.map((item) => ({ ...item, [subAttribute]: value })) : [{ [subAttribute]: value }];
    return;
  }
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (op === 'remove') {
    // Azure AD removes members as {path: "members", value: [{value: id}]}; no value clears the attribute.
    holder[key] = values.length ? current.filter((item) => !values.some((v) => sameValue(item, v))) : [];
  } else if (op === 'replace') {
    holder[key] = values;
  } else {
    holder[key] = [...current.filter((item) => !values.some((v) => sameValue(item, v))), ...values];
  }
}

/** Keys a client may repeat unchanged in a whole-resource PATCH value without meaning to change them. */
const IGNORED_WITHOUT_PATH = new Set(['schemas']);

function applyWithoutPath(doc: Doc, op: Op, value: unknown, target: PatchTarget) {
  if (op === 'remove') throw new ScimError(400, 'remove needs a path', 'noTarget');
  if (!isObject(value)) throw scimInvalid('invalidValue', `${op} without a path needs an object value`);
  for (const [key, inner] of Object.entries(value)) {
    if (IGNORED_WITHOUT_PATH.has(key.toLowerCase())) continue;
    if (['id', 'meta'].includes(key.toLowerCase()) && JSON.stringify(doc[key]) === JSON.stringify(inner)) continue;
    const extension = Object.keys(target.extensions ?? {}).find((urn) => urn.toLowerCase() === key.toLowerCase());
    if (extension && isObject(inner)) {
      for (const [sub, subValue] of Object.entries(inner)) applyAtPath(doc, op, `${extension}:${sub}`, subValue, target);
    } else {
      applyAtPath(doc, op, key, inner, target);
    }
  }
}

/**
 * Applies PATCH operations to a copy of a resource's SCIM representation. The caller validates
 * the result as a whole resource, so a PATCH and a PUT end in the same checks.
 */
export function applyPatch(resource: Doc, operations: ReturnType<typeof parsePatchBody>, target: PatchTarget): Doc {
  const doc = structuredClone(resource);
  for (const { op, path, value } of operations) {
    if (path) applyAtPath(doc, op, path, value, target);
    else applyWithoutPath(doc, op, value, target);
  }
  return doc;
}
