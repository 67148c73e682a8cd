import {
  ConfidentialityRequiredError,
  InvalidCredentialsError,
  NoSuchObjectError,
  ResultCodeError,
  StrongAuthRequiredError,
  TimeLimitExceededError,
  TLSNotSupportedError,
} from 'ldapts';

/** Why reading the directory failed, as an administrator can act on it. */
export type LdapFailure = 'unreachable' | 'invalidCredentials' | 'baseNotFound' | 'tls' | 'timeout' | 'badFilter' | 'refused';

/** The `errors` catalogue key for each failure. */
export const LDAP_FAILURE_MESSAGE_KEYS: Record<LdapFailure, string> = {
  unreachable: 'ldapUnreachable',
  invalidCredentials: 'ldapInvalidCredentials',
  baseNotFound: 'ldapBaseNotFound',
  tls: 'ldapTls',
  timeout: 'ldapTimeout',
  badFilter: 'ldapBadFilter',
  refused: 'ldapRefused',
};

/**
 * The directory could not be read. `messageKey` points into the `errors` catalogue (shown to the
 * administrator); `message` adds the server's own words for the sync run's log. Never carries the
 * bind password.
 */
export class LdapSourceError extends Error {
  readonly messageKey: string;
  constructor(readonly failure: LdapFailure, detail: string, options?: { cause?: unknown }) {
    super(`LDAP: ${failure}: ${detail}`, options);
    this.name = 'LdapSourceError';
    this.messageKey = LDAP_FAILURE_MESSAGE_KEYS[failure];
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE', 'ETIMEDOUT']);

function isTlsError(error: Error & { code?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  return (
    /CERT|SELF_SIGNED|ALTNAME|^ERR_SSL|^ERR_TLS|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) ||
    /SSL routines|wrong version number|certificate|TLS/i.test(error.message)
  );
}

/** What went wrong, for an administrator; `stage` matters because noSuchObject in a bind means bad credentials, in a search a missing base. */
export function toLdapSourceError(error: unknown, stage: 'bind' | 'search', target: string): LdapSourceError {
  if (error instanceof LdapSourceError) return error;
  if (!(error instanceof Error)) return new LdapSourceError('refused', String(error));
  const err = error as Error & { code?: unknown };
  const detail = err.message.trim() || err.name;
  if (err instanceof InvalidCredentialsError || (err instanceof NoSuchObjectError && stage === 'bind')) {
    return new LdapSourceError('invalidCredentials', `bind as ${target} refused`, { cause: error });
  }
  if (err instanceof NoSuchObjectError) return new LdapSourceError('baseNotFound', `${target} does not exist`, { cause: error });
  if (err instanceof TLSNotSupportedError || err instanceof ConfidentialityRequiredError || err instanceof StrongAuthRequiredError) {
    return new LdapSourceError('tls', detail, { cause: error });
  }
  if (/Connection timeout/i.test(err.message)) return new LdapSourceError('unreachable', `${detail} (${target})`, { cause: error });
  if (err instanceof TimeLimitExceededError || /timed out/i.test(err.message)) return new LdapSourceError('timeout', detail, { cause: error });
  if (isTlsError(err)) return new LdapSourceError('tls', `${detail}${typeof err.code === 'string' ? ` (${err.code})` : ''}`, { cause: error });
  if (typeof err.code === 'string' && UNREACHABLE_CODES.has(err.code)) return new LdapSourceError('unreachable', detail, { cause: error });
  if (/Connection closed|Socket error/i.test(err.message)) return new LdapSourceError('unreachable', detail, { cause: error });
  if (err instanceof ResultCodeError) return new LdapSourceError('refused', `${err.name} (code ${err.code})`, { cause: error });
  return new LdapSourceError('refused', detail, { cause: error });
}
