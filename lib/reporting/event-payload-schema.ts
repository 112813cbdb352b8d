/**
 * The consent-event webhook payload (`consent-gate/events`, version 1) as a zod schema: the one description that
 * the JSON Schema for SIEM ingestion (examples/siem/consent-events.schema.json) is generated from and that the
 * `inventory` command reads webhook lines with. lib/reporting/event-payload.ts builds the payload; a type test
 * (test/unit/reporting/event-payload-schema.test.ts) proves its types and this schema agree.
 *
 * Objects are not strict: a receiver must keep working when a later extension adds a field within version 1, so
 * unknown fields are ignored here, never an error.
 */
import { z } from 'zod';
import { PROVIDER_IDS } from '../authorization-request';
import { RISK_LEVELS, VERDICTS } from '../evaluation';
import { ENFORCEMENT_MODES } from '../policy/schema';
import { CONSENT_ACTIONS } from '../storage/records';
import { EVENT_PAYLOAD_FORMAT, EVENT_PAYLOAD_VERSION } from './event-payload';

const text = (description: string) => z.string().min(1).describe(description);

export const ReportedEventSchema = z
  .object({
    id: text('Unique and stable across retried deliveries: installationId, a colon, and the local log\'s id. De-duplicate on it.'),
    at: z.iso.datetime().describe('When the person met the consent screen (ISO 8601, UTC).'),
    provider: z.enum(PROVIDER_IDS).describe('The identity provider, as Consent Gate names it.'),
    clientId: text('The OAuth client id of the app, exactly as in the authorization request.'),
    verdict: z.enum(VERDICTS).describe('What the policy said: approved, allowed, needs-review or blocked.'),
    risk: z.enum(RISK_LEVELS).describe('The request\'s risk: low, medium, high or critical.'),
    enforcement: z.enum(ENFORCEMENT_MODES).describe('The enforcement mode in force when it happened.'),
    action: z.enum(CONSENT_ACTIONS).describe('What the person did: shown, continued, cancelled, review-started, review-requested, blocked, logged (monitor mode).'),
    rules: z.array(z.string()).describe('The ids of the rules that fired (the file names in lib/rules/, e.g. scope-creep), possibly none. A string, not a fixed list: a later version may add rules.'),
    scopes: z
      .array(z.string())
      .describe('The requested scopes as the app asked for them. Sent only when the policy\'s reporting.include lists scopes.')
      .optional(),
    appName: text('The app name the consent page showed. Sent only when reporting.include lists appName.').optional(),
    host: text('The authorization host (lower case, no port). Sent only when reporting.include lists host.').optional(),
    reason: z.string().describe('The reason typed in acknowledge mode. Sent only when reporting.include lists reason.').optional(),
  })
  .describe('One consent event. Every field is a string or a list of strings: no nesting, so a SIEM maps it 1:1.');

export const EventPayloadSchema = z
  .object({
    format: z.literal(EVENT_PAYLOAD_FORMAT).describe('Always consent-gate/events.'),
    version: z.literal(EVENT_PAYLOAD_VERSION).describe('The payload version; a breaking change gets a new number.'),
    test: z
      .literal(true)
      .describe('Present only on the options page\'s "Send a test event" delivery, whose events list is empty. Receivers may drop such payloads.')
      .optional(),
    sentAt: z.iso.datetime().describe('When this delivery was built (ISO 8601, UTC). Retries keep it.'),
    installationId: text('A random id of the browser profile\'s Consent Gate installation: one person on one browser. Count distinct values for reach.'),
    extensionVersion: text('The extension\'s version.'),
    events: z.array(ReportedEventSchema).describe('The events of this delivery, oldest first.'),
  })
  .describe('The body Consent Gate POSTs to reporting.webhookUrl (Content-Type: application/json).');

export type ReportedEventInput = z.infer<typeof ReportedEventSchema>;
export type EventPayloadInput = z.infer<typeof EventPayloadSchema>;

export const EVENT_PAYLOAD_SCHEMA_FILE = 'examples/siem/consent-events.schema.json';

/** The JSON Schema document, generated from the zod schema above. */
export function eventPayloadJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(EventPayloadSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return { ...generated, $id: 'https://consent-gate.example/consent-events.schema.json', title: 'Consent Gate consent events (consent-gate/events, version 1)' };
}

/** The committed file's exact text: two-space indentation and a final newline. */
export function eventPayloadJsonSchemaText(): string {
  return `${JSON.stringify(eventPayloadJsonSchema(), null, 2)}\n`;
}
