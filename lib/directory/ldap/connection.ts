import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client, type Entry } from 'ldapts';
import type { LdapConfig } from './config';
import { LdapSourceError, toLdapSourceError } from './errors';
import { BINARY_ATTRIBUTES } from './entries';

async function tlsOptions(config: LdapConfig): Promise<ConnectionOptions> {
  if (!config.tlsCaFile) return {};
  try {
    return { ca: [await readFile(config.tlsCaFile)] };
  } catch (error) {
    throw new LdapSourceError('tls', `cannot read LDAP_TLS_CA_FILE ${config.tlsCaFile}: ${(error as Error).message}`, { cause: error });
  }
}

/** A client connected (StartTLS when asked) and bound as the configured account; unbind it when done. */
export async function openLdap(config: LdapConfig): Promise<Client> {
  const tls = await tlsOptions(config);
  // ldapts speaks TLS from the first byte whenever tlsOptions are given, so they are for ldaps:// only.
  const secure = config.url.startsWith('ldaps:');
  const client = new Client({ url: config.url, connectTimeout: config.connectTimeoutMs, timeout: config.timeoutMs, ...(secure ? { tlsOptions: tls } : {}) });
  try {
    if (config.startTls) {
      try {
        // Over an existing socket Node knows no host name: give it the URL's, for the certificate check and SNI.
        const host = new URL(config.url).hostname.replace(/^\[(.*)\]$/, '$1');
        await client.startTLS({ ...tls, host, ...(isIP(host) ? {} : { servername: host }) });
      } catch (error) {
        const mapped = toLdapSourceError(error, 'bind', config.url);
        // The server answered but would not (or could not) encrypt: that is a TLS problem, not reachability.
        throw mapped.failure === 'refused' ? new LdapSourceError('tls', `StartTLS refused: ${mapped.message}`, { cause: error }) : mapped;
      }
    }
    // An anonymous bind is implicit; binding explicitly also proves the server is there.
    await client.bind(config.bindDn ?? '', config.bindPassword ?? '');
    return client;
  } catch (error) {
    await client.unbind().catch(() => {});
    throw toLdapSourceError(error, 'bind', config.bindDn ?? 'anonymous');
  }
}

/**
 * Every entry under the base that matches, page by page (RFC 2696), so a directory larger than
 * the server's size limit arrives whole.
 */
export async function searchAll(client: Client, config: LdapConfig, filter: string, attributes: string[]): Promise<Entry[]> {
  try {
    const { searchEntries } = await client.search(config.baseDn, {
      scope: 'sub',
      filter,
      attributes,
      explicitBufferAttributes: BINARY_ATTRIBUTES,
      paged: { pageSize: config.pageSize },
    });
    return searchEntries;
  } catch (error) {
    const mapped = toLdapSourceError(error, 'search', config.baseDn);
    if (mapped.failure === 'refused' && /filter/i.test(mapped.message)) throw new LdapSourceError('badFilter', `${filter}: ${mapped.message}`, { cause: error });
    throw mapped;
  }
}
