import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// We keep one display name per person. SCIM's name.givenName/familyName are derived from it (and
// composed into it) by one rule, in JS for responses and in SQL for filters:
// "Given Family" splits at the last space; a Han name without spaces is family = first character.
const HAN_START = '^[\\u3400-\\u9fff]';
const hanStart = new RegExp(HAN_START);

export function splitName(name: string): { givenName?: string; familyName?: string } {
  const trimmed = name.trim();
  const space = trimmed.lastIndexOf(' ');
  if (space > 0) return { givenName: trimmed.slice(0, space).trim(), familyName: trimmed.slice(space + 1) };
  const chars = [...trimmed];
  if (hanStart.test(trimmed) && chars.length > 1) return { familyName: chars[0], givenName: chars.slice(1).join('') };
  return trimmed ? { givenName: trimmed } : {};
}

/** 张 + 伟 → 张伟; John + Smith → John Smith. */
export function joinName(givenName = '', familyName = ''): string {
  const given = givenName.trim();
  const family = familyName.trim();
  if (hanStart.test(family) && (!given || hanStart.test(given))) return family + given;
  return [given, family].filter(Boolean).join(' ');
}

export function familyNameSql(column: AnyPgColumn): SQL {
  const n = sql`btrim(${column})`;
  return sql`(case when strpos(${n}, ' ') > 0 then regexp_replace(${n}, '^.* ', '')
    when ${n} ~ ${HAN_START} and char_length(${n}) > 1 then substr(${n}, 1, 1) else null end)`;
}

export function givenNameSql(column: AnyPgColumn): SQL {
  const n = sql`btrim(${column})`;
  return sql`(case when strpos(${n}, ' ') > 0 then btrim(regexp_replace(${n}, ' [^ ]*$', ''))
    when ${n} ~ ${HAN_START} and char_length(${n}) > 1 then substr(${n}, 2) else nullif(${n}, '') end)`;
}
