import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter, type MessageHandlers } from '../../../lib/messages/router';
import type { SenderFields } from '../../../lib/messages/sender';
import { MESSAGE_SCHEMAS, type MessageType } from '../../../lib/messages/protocol';

const ID = 'panefockkbeooobjemlcjihjpegnkkcd';
const extension = { id: ID, origin: `chrome-extension://${ID}` };
const CONTENT: SenderFields = { id: ID, url: 'https://accounts.google.com/signin/oauth/consent', tab: { id: 3, index: 0 }, frameId: 0 };
const PAGE: SenderFields = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const STRANGER: SenderFields = { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'https://evil.example/', tab: { id: 3 } };

function setup() {
  const handlers = {
    'consent/hello': vi.fn((_message: unknown, _sender: unknown) => ({ active: false as const })),
    'consent/page-facts': vi.fn((_message: unknown, _sender: unknown) => ({ view: null })),
    'consent/action': vi.fn((_message: unknown, _sender: unknown) => ({ ok: true as const })),
    'device-code/page-shown': vi.fn((_message: unknown, _sender: unknown) => ({ ok: false as const, error: 'not a device-code page' })),
    'page/get-tab-state': vi.fn((_message: unknown, _sender: unknown) => ({ state: null })),
    'page/show-overlay': vi.fn((_message: unknown, _sender: unknown) => ({ ok: true as const })),
    'page/review-submitted': vi.fn((_message: unknown, _sender: unknown) => ({ ok: true as const })),
    'page/get-policy-status': vi.fn((_message: unknown, _sender: unknown) => ({ ok: false as const, error: 'not loaded' })),
    'page/import-local-policy': vi.fn((_message: unknown, _sender: unknown) => ({ ok: true as const })),
    'page/clear-local-policy': vi.fn((_message: unknown, _sender: unknown) => ({ ok: true as const })),
    'page/refresh-remote-config': vi.fn((_message: unknown, _sender: unknown) => ({ ok: true as const, outcome: 'not-configured' as const })),
    'page/get-outbox': vi.fn((_message: unknown, _sender: unknown) => ({ ok: false as const, error: 'not loaded' })),
    'page/send-test-event': vi.fn((_message: unknown, _sender: unknown) => ({ ok: false as const, error: 'not configured' })),
    'page/get-policy-snapshot': vi.fn((_message: unknown, _sender: unknown) => ({ ok: true as const, status: null, reading: [] })),
  } satisfies MessageHandlers;
  const log = { warn: vi.fn(), error: vi.fn() };
  const route = createMessageRouter(handlers, { extension, log });
  const called = () => Object.values(handlers).some((handler) => handler.mock.calls.length > 0);
  return { handlers, log, route, called };
}

const VALID: { [T in MessageType]: { message: unknown; sender: SenderFields } } = {
  'consent/hello': { message: { type: 'consent/hello', url: 'https://accounts.google.com/' }, sender: CONTENT },
  'consent/page-facts': { message: { type: 'consent/page-facts', url: 'https://accounts.google.com/', facts: { appName: 'Acme' } }, sender: CONTENT },
  'consent/action': { message: { type: 'consent/action', flowId: 'f1', action: 'cancel' }, sender: CONTENT },
  'device-code/page-shown': { message: { type: 'device-code/page-shown' }, sender: CONTENT },
  'page/get-tab-state': { message: { type: 'page/get-tab-state', tabId: 3 }, sender: PAGE },
  'page/show-overlay': { message: { type: 'page/show-overlay', tabId: 3 }, sender: PAGE },
  'page/review-submitted': { message: { type: 'page/review-submitted', reviewId: 'r1' }, sender: PAGE },
  'page/get-policy-status': { message: { type: 'page/get-policy-status' }, sender: PAGE },
  'page/import-local-policy': { message: { type: 'page/import-local-policy', text: '{ "enforcement": "block" }' }, sender: PAGE },
  'page/clear-local-policy': { message: { type: 'page/clear-local-policy' }, sender: PAGE },
  'page/refresh-remote-config': { message: { type: 'page/refresh-remote-config' }, sender: PAGE },
  'page/get-outbox': { message: { type: 'page/get-outbox' }, sender: PAGE },
  'page/send-test-event': { message: { type: 'page/send-test-event', destination: 'events' }, sender: PAGE },
  'page/get-policy-snapshot': { message: { type: 'page/get-policy-snapshot' }, sender: PAGE },
};

describe('createMessageRouter', () => {
  it('covers every message of the protocol', () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(MESSAGE_SCHEMAS).sort());
  });

  it.each(Object.entries(VALID))('hands a valid %s to its handler with the sender context', async (type, { message, sender }) => {
    const { handlers, route, log } = setup();
    const reply = await route(message, sender);
    const handler = handlers[type as MessageType];
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]).toEqual([message, expect.objectContaining({ kind: sender === PAGE ? 'extension-page' : 'content-script' })]);
    expect(reply).toEqual(handler.mock.results[0]?.value);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it.each(Object.entries(VALID))('refuses %s from the other kind of sender', async (_type, { message, sender }) => {
    const { route, log, called } = setup();
    const reply = await route(message, sender === PAGE ? CONTENT : PAGE);
    expect(reply).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/only (content-script|extension-page) may send it/) });
    expect(called()).toBe(false);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it.each(Object.entries(VALID))('refuses %s from another extension', async (_type, { message }) => {
    const { route, called } = setup();
    expect(await route(message, STRANGER)).toMatchObject({ ok: false, refused: true, error: 'Refused a message from an unknown sender.' });
    expect(called()).toBe(false);
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown type', { type: 'consent/approve-everything' }, /unknown message type: consent\/approve-everything/],
    ['a prototype key as type', { type: 'constructor' }, /unknown message type/],
    ['no type', { url: 'x' }, /without a type/],
    ['a string', 'consent/hello', /without a type/],
    ['null', null, /without a type/],
    ['a numeric type', { type: 42 }, /unknown message type: 42/],
    ['a missing field', { type: 'consent/hello' }, /malformed consent\/hello message at url/],
    ['a wrong field type', { type: 'consent/action', flowId: 'f', action: 'approve' }, /malformed consent\/action message at action/],
    ['an oversized field', { type: 'consent/page-facts', url: 'x', facts: { appName: 'x'.repeat(600) } }, /malformed consent\/page-facts message at facts\.appName/],
    ['a non-number tab id', { type: 'page/get-tab-state', tabId: '3' }, /malformed page\/get-tab-state message at tabId/],
    ['a policy import without text', { type: 'page/import-local-policy' }, /malformed page\/import-local-policy message at text/],
    ['a policy import that is not text', { type: 'page/import-local-policy', text: { enforcement: 'off' } }, /malformed page\/import-local-policy message at text/],
    ['a test event without a destination', { type: 'page/send-test-event' }, /malformed page\/send-test-event message at destination/],
    // Only a role may be named: a URL, even the configured one, is refused before any handler runs.
    ['a test event to a URL', { type: 'page/send-test-event', destination: 'https://hooks.acme-corp.example/events' }, /malformed page\/send-test-event message at destination/],
    ['a test event to an unknown role', { type: 'page/send-test-event', destination: 'siem' }, /malformed page\/send-test-event message at destination/],
  ])('refuses %s with a reason', async (_name, message, reason) => {
    const { route, log, called } = setup();
    const reply = await route(message, CONTENT);
    expect(reply).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(reason) });
    expect(called()).toBe(false);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(reason), expect.any(String));
  });

  it('answers a handler failure with its reason and logs it', async () => {
    const { handlers, route, log } = setup();
    handlers['page/review-submitted'].mockImplementation(() => {
      throw new Error('Consent Gate could not read the review: disk error.');
    });
    expect(await route(VALID['page/review-submitted'].message, PAGE)).toEqual({
      ok: false,
      failed: true,
      error: 'Consent Gate could not read the review: disk error.',
    });
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('hands the handler the parsed payload, not the raw object', async () => {
    const { handlers, route } = setup();
    await route({ type: 'consent/hello', url: 'https://accounts.google.com/', extra: '<script>' }, CONTENT);
    expect(handlers['consent/hello'].mock.calls[0]?.[0]).toEqual({ type: 'consent/hello', url: 'https://accounts.google.com/' });
  });
});
