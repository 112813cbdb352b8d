import { defineRule, NO_FINDINGS } from './shared/rule';

export const unverifiedPublisher = defineRule({
  id: 'unverified-publisher',
  title: 'Unverified publisher',
  description:
    "The consent page says the provider has not verified who publishes the app. Approved apps are exempt: the review checked the vendor.",
  defaultAction: 'inform',
  defaultOptions: {},
  evaluate({ page, approval }) {
    if (page?.verified !== false || approval !== undefined) return NO_FINDINGS;
    const who = page.publisher === undefined ? '' : ` It names "${page.publisher}" as publisher, but that is unconfirmed.`;
    return [
      {
        severity: 'warning',
        message: `The sign-in provider has not verified who makes this app.${who}`,
      },
    ];
  },
});
