import { reduceUri } from '../reporting/reviewer-request';
import { defineRule, NO_FINDINGS } from './shared/rule';

/**
 * Schemes that never carry a code to a legitimate client. Private-use schemes of native apps
 * (`com.example.app:/callback`) are fine: RFC 8252 section 7.1.
 */
const DANGEROUS_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'data', 'vbscript', 'file', 'blob']);

export const insecureRedirectUri = defineRule({
  id: 'insecure-redirect-uri',
  title: 'Insecure redirect URI',
  description:
    'The authorization code must travel over HTTPS, to this computer (loopback) or to a native app. Plain http to another host lets anyone on the network take it (RFC 6749 section 10.5, RFC 8252 section 8.3).',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ request, redirect }) {
    if (redirect === undefined) return NO_FINDINGS;
    const uri = request.redirectUri ?? '';
    if (!redirect.valid) {
      // Findings travel with reviews and exports: quote the address without its query or fragment, where a broken
      // address may still carry a session id or token.
      return [{ severity: 'warning', message: `The address the app sends you back to ("${reduceUri(uri)}") is not a valid URL.` }];
    }
    if (redirect.scheme === 'http' && !redirect.loopback) {
      return [
        {
          severity: 'high',
          message: `After sign-in, the access code is sent to ${redirect.host} without encryption (plain http). Anyone on the network could take it and act as you.`,
        },
      ];
    }
    if (DANGEROUS_SCHEMES.has(redirect.scheme)) {
      return [
        {
          severity: 'high',
          message: `After sign-in, the access code is handed to a "${redirect.scheme}:" address, which no real app uses to receive it.`,
        },
      ];
    }
    return NO_FINDINGS;
  },
});
