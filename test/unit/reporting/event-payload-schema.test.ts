import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildEventPayload, toReportedEvent, type EventPayload, type ReportedEvent } from '../../../lib/reporting/event-payload';
import {
  EVENT_PAYLOAD_SCHEMA_FILE,
  EventPayloadSchema,
  eventPayloadJsonSchema,
  eventPayloadJsonSchemaText,
  type EventPayloadInput,
  type ReportedEventInput,
} from '../../../lib/reporting/event-payload-schema';
import type { ConsentEvent } from '../../../lib/storage/records';

const file = resolve(__dirname, '../../..', EVENT_PAYLOAD_SCHEMA_FILE);

const EVENT: ConsentEvent = {
  id: 7,
  at: '2026-06-01T12:00:00.000Z',
  provider: 'microsoft',
  clientId: 'b5a3c1d2-0000-4000-8000-000000000001',
  appName: 'Acme Notes',
  host: 'login.microsoftonline.com',
  scopes: ['openid', 'Mail.ReadWrite'],
  verdict: 'needs-review',
  risk: 'high',
  enforcement: 'warn',
  action: 'review-started',
  reason: 'trial',
  rules: ['read-only-unless-justified'],
};

describe('consent-event payload JSON Schema', () => {
  it('the committed file equals the schema generated from zod', () => {
    if (process.env.UPDATE_EVENT_SCHEMA === '1') writeFileSync(file, eventPayloadJsonSchemaText());
    expect(readFileSync(file, 'utf8')).toBe(eventPayloadJsonSchemaText());
  });

  it('describes every field, and every event field is flat: a string or a list of strings', () => {
    const schema = eventPayloadJsonSchema() as {
      properties: Record<string, { description?: string; items?: { properties: Record<string, { type?: string; enum?: unknown[]; description?: string; items?: { type?: string } }>; required: string[] } }>;
    };
    for (const [name, property] of Object.entries(schema.properties)) expect(property.description, name).toBeTruthy();
    const event = schema.properties.events?.items;
    expect(event?.required).toEqual(['id', 'at', 'provider', 'clientId', 'verdict', 'risk', 'enforcement', 'action', 'rules']);
    for (const [name, property] of Object.entries(event?.properties ?? {})) {
      expect(property.description, name).toBeTruthy();
      const flat = property.type === 'string' || property.enum !== undefined || (property.type === 'array' && property.items?.type === 'string');
      expect(flat, name).toBe(true);
    }
  });

  it('the payload the extension builds passes the schema, with and without the optional fields', () => {
    for (const include of [[], ['scopes', 'appName', 'host', 'reason']] as const) {
      const payload = buildEventPayload([toReportedEvent(EVENT, 'inst-1', include)], {
        installationId: 'inst-1',
        extensionVersion: '0.1.0',
        now: new Date('2026-06-01T12:00:01.000Z'),
      });
      expect(EventPayloadSchema.parse(payload)).toEqual(payload);
    }
  });

  it.each([
    ['an unknown verdict', { verdict: 'fine' }],
    ['a missing client id', { clientId: undefined }],
    ['a time that is not ISO 8601', { at: 'yesterday' }],
    ['scopes as one string', { scopes: 'openid email' }],
  ])('refuses %s', (_name, change) => {
    const event = { ...toReportedEvent(EVENT, 'inst-1', ['scopes']), ...change };
    const payload = { format: 'consent-gate/events', version: 1, sentAt: EVENT.at, installationId: 'inst-1', extensionVersion: '0.1.0', events: [event] };
    expect(EventPayloadSchema.safeParse(payload).success).toBe(false);
  });

  // The builder's interfaces type the enums as plain strings; the schema is the stricter of the two, with the same fields.
  it('the schema has the fields of the types the extension builds with, and is at least as strict', () => {
    expectTypeOf<ReportedEventInput>().toMatchTypeOf<ReportedEvent>();
    expectTypeOf<EventPayloadInput>().toMatchTypeOf<EventPayload>();
    expectTypeOf<keyof ReportedEventInput>().toEqualTypeOf<keyof ReportedEvent>();
    expectTypeOf<keyof EventPayloadInput>().toEqualTypeOf<keyof EventPayload>();
  });
});
