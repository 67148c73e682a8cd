/** Catalogue key (in `auth`) for each error code next-auth or our sign-in puts in `?error=`. */
const messages: Record<string, string> = {
  CredentialsSignin: 'invalidCredentials',
  rate_limited: 'rateLimited',
  SessionRequired: 'sessionEnded',
  sso_no_email: 'ssoNoEmail',
  sso_email_unverified: 'ssoEmailUnverified',
  sso_deactivated: 'ssoDeactivated',
  sso_not_member: 'ssoNotMember',
  sso_code_invalid: 'ssoCodeInvalid',
  sso_state_mismatch: 'ssoStateMismatch',
  // The IdP refused or the exchange failed (error callback, tampered or replayed state, bad code).
  OAuthSignin: 'ssoFailed',
  OAuthCallback: 'ssoFailed',
  Callback: 'ssoFailed',
  AccessDenied: 'ssoFailed',
  access_denied: 'ssoFailed',
};

export function signInErrorKey(code: string): string {
  return messages[code] ?? 'failed';
}
