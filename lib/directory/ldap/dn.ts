/**
 * Just enough of RFC 4514 to place entries in the tree: split a DN into its RDNs and compare DNs
 * the way a server does for the attributes used in names (types and values case-insensitive,
 * escapes decoded, spaces around separators ignored), so `OU=Sales, DC=Corp` equals `ou=sales,dc=corp`.
 */

/** The RDNs of a DN, most specific first, as written (escapes kept). */
export function splitDn(dn: string): string[] {
  const rdns: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const char = dn[i]!;
    if (char === '\\' && i + 1 < dn.length) {
      current += char + dn[i + 1];
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if ((char === ',' || char === ';') && !quoted) {
      rdns.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) rdns.push(current.trim());
  return rdns;
}

/** The DN of the entry's parent; null for a single RDN. */
export function parentDn(dn: string): string | null {
  const rdns = splitDn(dn);
  return rdns.length > 1 ? rdns.slice(1).join(',') : null;
}

/** Decodes `\,` and `\E4\BA\A7`-style escapes (UTF-8 bytes in hex) to the characters they stand for. */
function unescapeValue(value: string): string {
  const bytes: number[] = [];
  const unquoted = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  for (let i = 0; i < unquoted.length; i++) {
    const char = unquoted[i]!;
    if (char === '\\' && /^[0-9a-fA-F]{2}$/.test(unquoted.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unquoted.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (char === '\\' && i + 1 < unquoted.length) {
      bytes.push(...Buffer.from(unquoted[i + 1]!, 'utf8'));
      i++;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** One RDN (possibly multi-valued, `cn=a+uid=b`) as sorted `type=value` pairs. */
function normalizeRdn(rdn: string): string {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < rdn.length; i++) {
    if (rdn[i] === '\\' && i + 1 < rdn.length) {
      current += rdn[i]! + rdn[i + 1]!;
      i++;
    } else if (rdn[i] === '+') {
      parts.push(current);
      current = '';
    } else {
      current += rdn[i];
    }
  }
  parts.push(current);
  return parts
    .map((part) => {
      const eq = part.indexOf('=');
      const type = part.slice(0, eq).trim().toLowerCase();
      return `${type}=${unescapeValue(part.slice(eq + 1).trim()).trim().toLowerCase()}`;
    })
    .sort()
    .join('+');
}

/** A key equal for DNs that name the same entry (not a DN to send to a server). */
export function dnKey(dn: string): string {
  return JSON.stringify(splitDn(dn).map(normalizeRdn));
}

/** The value of the first RDN, unescaped: `ou=产品部,dc=…` → 产品部. */
export function rdnValue(dn: string): string {
  const first = splitDn(dn)[0] ?? '';
  const eq = first.indexOf('=');
  return unescapeValue(first.slice(eq + 1).split(/(?<!\\)\+/)[0]!.trim()).trim();
}
