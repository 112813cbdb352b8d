/**
 * The webhook payload for consent events, format `consent-gate/events` version 1 (documented in README.md,
 * "Reporting"). Only what the policy says to send: the identifying minimum (provider, client id, verdict, risk,
 * action, the rules that fired) always, and scopes, app name, host and the typed reason only when listed in
 * `reporting.include`. Never tokens, authorization URLs, `state`, login hints, account names or page content.
 */
import type { ConsentEvent } from '../storage/records';

export const EVENT_PAYLOAD_FORMAT = 'consent-gate/events';
export const EVENT_PAYLOAD_VERSION = 1;

export const OPTIONAL_EVENT_FIELDS = ['scopes', 'appName', 'host', 'reason'] as const;
export type OptionalEventField = (typeof OPTIONAL_EVENT_FIELDS)[number];

export interface ReportedEvent {
  id: string;
  at: string;
  provider: string;
  clientId: string;
  verdict: string;
  risk: string;
  enforcement: string;
  action: string;
  rules: string[];
  scopes?: string[];
  appName?: string;
  host?: string;
  reason?: string;
}

export interface EventPayload {
  format: typeof EVENT_PAYLOAD_FORMAT;
  version: typeof EVENT_PAYLOAD_VERSION;
  /**
   * Present (always `true`) only on the options page's "Send a test event" delivery, whose `events` is empty
   * (lib/reporting/test-payload.ts). Receivers may drop such payloads.
   */
  test?: true;
  sentAt: string;
  /** A random id of this browser profile's installation, so the receiver can de-duplicate retried deliveries. */
  installationId: string;
  extensionVersion: string;
  events: ReportedEvent[];
}

/** The event id is stable across retries: installation id + the local log's id. */
export function toReportedEvent(event: ConsentEvent, installationId: string, include: readonly OptionalEventField[]): ReportedEvent {
  const reported: ReportedEvent = {
    id: `${installationId}:${event.id ?? event.at}`,
    at: event.at,
    provider: event.provider,
    clientId: event.clientId,
    verdict: event.verdict,
    risk: event.risk,
    enforcement: event.enforcement,
    action: event.action,
    rules: [...event.rules],
  };
  if (include.includes('scopes')) reported.scopes = [...event.scopes];
  if (include.includes('appName') && event.appName !== undefined) reported.appName = event.appName;
  if (include.includes('host')) reported.host = event.host;
  if (include.includes('reason') && event.reason !== undefined) reported.reason = event.reason;
  return reported;
}

export function buildEventPayload(
  events: readonly ReportedEvent[],
  meta: { installationId: string; extensionVersion: string; now: Date },
): EventPayload {
  return {
    format: EVENT_PAYLOAD_FORMAT,
    version: EVENT_PAYLOAD_VERSION,
    sentAt: meta.now.toISOString(),
    installationId: meta.installationId,
    extensionVersion: meta.extensionVersion,
    events: [...events],
  };
}
