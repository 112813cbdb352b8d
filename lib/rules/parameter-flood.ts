import { defineRule, NO_FINDINGS } from './shared/rule';

/**
 * A real authorization request has a dozen parameters. Thousands of them are padding, meant to push `client_id`
 * or the scopes past the point where a scanner stops reading. The parser reads what decides the judgement anyway
 * (lib/parse-authorization-url.ts), but what it skipped is unknown, so a person should look before anyone grants.
 */
export const parameterFlood = defineRule({
  id: 'parameter-flood',
  title: 'Padded sign-in address',
  description:
    'The authorization URL carries far more parameters than any real request (more than 1,000, where apps send about a dozen). Padding is a way to hide what an app asks for from checks like this one, so the request needs a review.',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ request }) {
    if (request.parameterLimitReached !== true) return NO_FINDINGS;
    return [
      {
        severity: 'high',
        message:
          'This sign-in address is padded with more than 1,000 extra parameters, where a real app sends about a dozen. Padding like this is a trick to hide what an app asks for. Consent Gate still read which app asks and for what, but someone should review it before you continue.',
      },
    ];
  },
});
