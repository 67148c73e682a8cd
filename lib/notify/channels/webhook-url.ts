import dns from 'node:dns';
import net from 'node:net';
import { Invalid } from '@/lib/errors';

/**
 * Which addresses a group-robot webhook may reach. Webhook URLs are typed in by space admins, so
 * the server must not be turned into a probe of its own host or its cloud's metadata service.
 * Loopback and private ranges stay allowed on purpose: companies send through an intranet relay
 * (a proxy in 10.x or on the same host), and the tests post to a receiver on 127.0.0.1.
 */
const refusedV4: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['169.254.0.0', 16, 'link-local'],
  ['100.100.100.200', 32, 'cloud metadata'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const refusedV6: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['fe80::', 10, 'link-local'],
  ['fd00:ec2::254', 128, 'cloud metadata'],
  ['ff00::', 8, 'multicast'],
];
// The metadata services at 169.254.169.254 (AWS, Azure, GCP, …) and Tencent's 169.254.0.23 are
// inside the link-local range above; Alibaba's 100.100.100.200 and AWS's IPv6 one are listed.
const refusedHostnames = new Set(['metadata.google.internal', 'metadata.goog']);

function blockListOf(rules: [string, number, string][], family: 'ipv4' | 'ipv6') {
  return rules.map(([network, prefix, reason]) => {
    const list = new net.BlockList();
    list.addSubnet(network, prefix, family);
    return { list, reason };
  });
}
const v4Rules = blockListOf(refusedV4, 'ipv4');
const v6Rules = blockListOf(refusedV6, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(ipv6: string): string | null {
  // The URL parser writes any spelling of an IPv6 address in its one compressed form.
  const canonical = new URL(`http://[${ipv6}]/`).hostname.slice(1, -1);
  const match = /^(?:::ffff|64:ff9b:):([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!match) return null;
  const high = parseInt(match[1] ?? '0', 16);
  const low = parseInt(match[2] ?? '0', 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/**
 * Why a webhook may not connect to this IP address ('link-local', 'cloud metadata', 'unspecified',
 * 'multicast', 'reserved'), or null when it may. Anything that is not an IP address is refused too.
 */
export function refusedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = net.isIP(bare);
  if (family === 4) return v4Rules.find((rule) => rule.list.check(bare, 'ipv4'))?.reason ?? null;
  if (family !== 6) return 'not an IP address';
  const ipv4 = embeddedIpv4(bare);
  if (ipv4) return refusedAddressReason(ipv4);
  return v6Rules.find((rule) => rule.list.check(bare, 'ipv6'))?.reason ?? null;
}

/** The URL's host without IPv6 brackets or a trailing root dot. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');

/**
 * Parses a webhook URL and applies every rule that needs no DNS: http(s) only, no credentials in
 * it, no refused IP literal or metadata host name. The URL parser has already turned decimal, hex
 * and octal IPv4 spellings (http://2852039166/) into dotted form. Throws `Invalid` on field `url`.
 */
export function parseWebhookUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw Invalid({ url: ['urlInvalid'] });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw Invalid({ url: ['urlInvalid'] });
  if (url.username || url.password) throw Invalid({ url: ['webhookUrlCredentials'] });
  const host = hostOf(url);
  if (refusedHostnames.has(host)) throw Invalid({ url: ['webhookAddressRefused'] });
  if (net.isIP(host) && refusedAddressReason(host)) throw Invalid({ url: ['webhookAddressRefused'] });
  return url;
}

export interface CheckedWebhookUrl {
  url: URL;
  /** What the host resolved to now (the literal itself for an IP); each is re-checked at connect time. */
  addresses: string[];
}

export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithSystem: ResolveHost = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * `parseWebhookUrl` plus the host's DNS answers: a name that resolves to a refused address, or
 * does not resolve, is refused. For saving a webhook; delivery re-checks through `guardedLookup`.
 */
export async function checkWebhookUrl(input: string, options: { resolve?: ResolveHost } = {}): Promise<CheckedWebhookUrl> {
  const url = parseWebhookUrl(input);
  const host = hostOf(url);
  if (net.isIP(host)) return { url, addresses: [host] };
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? resolveWithSystem)(host);
  } catch {
    throw Invalid({ url: ['webhookHostUnknown'] });
  }
  if (addresses.length === 0) throw Invalid({ url: ['webhookHostUnknown'] });
  if (addresses.some((address) => refusedAddressReason(address))) throw Invalid({ url: ['webhookAddressRefused'] });
  return { url, addresses };
}

/** The system resolver asked for every address; tests pass their own to play a rebinding DNS. */
export type LookupAll = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

const lookupWithSystem: LookupAll = (hostname, options, callback) => dns.lookup(hostname, options, callback);

/**
 * A `lookup` for node:http(s) that resolves like the system does and then refuses the connection
 * if any answer is a refused address, so a name re-pointed at a metadata address after it was
 * saved (DNS rebinding) is still not reached. IP literals never pass through a lookup: the URL
 * must also go through `parseWebhookUrl`.
 */
export function guardedLookup(base: LookupAll = lookupWithSystem): net.LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.find((entry) => refusedAddressReason(entry.address));
      if (refused) {
        const reason = refusedAddressReason(refused.address);
        return callback(Object.assign(new Error(`Webhook host ${hostname} resolves to a refused address (${refused.address}, ${reason})`), { code: 'EADDRREFUSED' }), '');
      }
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`Webhook host ${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
