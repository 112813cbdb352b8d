/**
 * A quick yes/no check of a webhook body against EventPayloadSchema (lib/reporting/event-payload-schema.ts), for
 * the inventory's hot path: zod's parse of one body costs about as much as the rest of counting the event, and a
 * fleet's log holds millions. It only ever says yes to what zod accepts (a property test compares both); when it
 * says no, the caller asks zod, which then explains the problem, so errors read the same either way.
 */
import { PROVIDER_IDS } from '../authorization-request';
import { RISK_LEVELS, VERDICTS } from '../evaluation';
import { ENFORCEMENT_MODES } from '../policy/schema';
import { EVENT_PAYLOAD_FORMAT, EVENT_PAYLOAD_VERSION } from '../reporting/event-payload';
import { ReportedEventSchema } from '../reporting/event-payload-schema';
import { CONSENT_ACTIONS } from '../storage/records';

/** zod's own ISO date-time pattern, taken from the schema so the two can never disagree on a time. */
const DATETIME = (ReportedEventSchema.shape.at as unknown as { _zod: { def: { pattern: RegExp } } })._zod.def.pattern;

const PROVIDERS: ReadonlySet<unknown> = new Set(PROVIDER_IDS);
const VERDICT_SET: ReadonlySet<unknown> = new Set(VERDICTS);
const RISKS: ReadonlySet<unknown> = new Set(RISK_LEVELS);
const ENFORCEMENTS: ReadonlySet<unknown> = new Set(ENFORCEMENT_MODES);
const ACTIONS: ReadonlySet<unknown> = new Set(CONSENT_ACTIONS);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function isStringList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function isEvent(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return (
    isText(value.id) &&
    typeof value.at === 'string' &&
    DATETIME.test(value.at) &&
    PROVIDERS.has(value.provider) &&
    isText(value.clientId) &&
    VERDICT_SET.has(value.verdict) &&
    RISKS.has(value.risk) &&
    ENFORCEMENTS.has(value.enforcement) &&
    ACTIONS.has(value.action) &&
    isStringList(value.rules) &&
    (value.scopes === undefined || isStringList(value.scopes)) &&
    (value.appName === undefined || isText(value.appName)) &&
    (value.host === undefined || isText(value.host)) &&
    (value.reason === undefined || typeof value.reason === 'string')
  );
}

/** True only for a body zod accepts; false means "ask zod". */
export function looksLikeValidPayload(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.format !== EVENT_PAYLOAD_FORMAT || value.version !== EVENT_PAYLOAD_VERSION) return false;
  if (typeof value.sentAt !== 'string' || !DATETIME.test(value.sentAt) || !isText(value.installationId) || !isText(value.extensionVersion)) return false;
  const events = value.events;
  if (!Array.isArray(events)) return false;
  for (let i = 0; i < events.length; i++) if (!isEvent(events[i])) return false;
  return true;
}
