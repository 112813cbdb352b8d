/**
 * The webhook endpoints a policy configures, by role. Pure. A role, never a URL, is what an extension page may
 * name (the options page's "Send a test event"), so no message can point a delivery anywhere the admin did not
 * write into the policy in force.
 */
import type { Policy } from '../policy/schema';

/** `events`: reporting.webhookUrl; `review`: reviewIntake.webhookUrl; `slack`: reviewIntake.slackWebhookUrl. */
export const WEBHOOK_DESTINATIONS = ['events', 'review', 'slack'] as const;
export type WebhookDestination = (typeof WEBHOOK_DESTINATIONS)[number];

export interface ConfiguredDestination {
  id: WebhookDestination;
  url: string;
}

/**
 * The destinations the policy names, in a fixed order. Only https: the outbox sends nowhere else (the policy
 * schema accepts http for links people open, not for where data goes).
 */
export function configuredDestinations(policy: Policy): ConfiguredDestination[] {
  const candidates: [WebhookDestination, string | undefined][] = [
    ['events', policy.reporting?.webhookUrl],
    ['review', policy.reviewIntake?.webhookUrl],
    ['slack', policy.reviewIntake?.slackWebhookUrl],
  ];
  return candidates.flatMap(([id, url]) => (typeof url === 'string' && url.startsWith('https://') ? [{ id, url }] : []));
}
