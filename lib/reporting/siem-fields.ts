/**
 * One consent event as a flat SIEM record: the event's own fields (lib/reporting/event-payload-schema.ts) plus its
 * delivery's installationId, extensionVersion and sentAt, one record per event. The names are the payload's, so
 * they are as stable as the payload version, with one exception: `host` is the authorization host here, but Splunk,
 * Logstash and Elastic Agent all use `host` for the machine that sent the data, so SIEM records call it
 * `authorizationHost`. The queries in examples/siem/ use these names only (test/unit/reporting/siem-queries.test.ts).
 */
import { EventPayloadSchema, ReportedEventSchema } from './event-payload-schema';

export const SIEM_RENAMED: Readonly<Record<string, string>> = { host: 'authorizationHost' };

/**
 * Envelope fields each flat record carries; `events` itself is what is split into records. `test` marks the options
 * page's test delivery, whose `events` is always empty, so no record ever carries it.
 */
const NOT_IN_RECORDS = new Set(['events', 'format', 'version', 'test']);
const ENVELOPE_FIELDS = Object.keys(EventPayloadSchema.shape).filter((name) => !NOT_IN_RECORDS.has(name));

export const SIEM_FIELDS: readonly string[] = [...Object.keys(ReportedEventSchema.shape).map((name) => SIEM_RENAMED[name] ?? name), ...ENVELOPE_FIELDS];
