import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEVICE_CODE_RULE } from '../../../lib/background/device-code-event';
import { listDeliveries } from '../../../lib/storage/outbox';
import { listEvents } from '../../../lib/storage/events';
import { contentSender, deliver, deliverRaw, pageSender, resetBackground, setPolicy, settleBackground, startBackground } from './background-harness';

const TAB = 11;
const MICROSOFT = 'https://login.microsoftonline.com/common/oauth2/deviceauth';
const NOW = new Date('2026-03-01T10:00:00.000Z');

beforeEach(() => {
  resetBackground();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Delivers the message and waits for the log write the handler does not wait for. */
async function pageShown(url: string, extras: { frameId?: number } = {}) {
  const reply = await deliver({ type: 'device-code/page-shown' }, contentSender(TAB, url, extras));
  await settleBackground();
  return reply;
}

describe('device-code/page-shown', () => {
  it.each([
    ['off', undefined],
    ['monitor', 'logged'],
    ['inform', 'shown'],
    ['warn', 'shown'],
    ['acknowledge', 'shown'],
    ['block', 'blocked'],
  ] as const)('in %s mode answers with the mode and logs %s', async (enforcement, action) => {
    await setPolicy({ enforcement });
    await startBackground();
    expect(await pageShown(MICROSOFT)).toEqual({ ok: true, warning: { provider: 'microsoft', enforcement, organization: {} } });
    const events = await listEvents();
    if (action === undefined) {
      expect(events).toEqual([]);
      return;
    }
    expect(events).toEqual([
      {
        id: 1,
        at: NOW.toISOString(),
        provider: 'microsoft',
        clientId: '',
        host: 'login.microsoftonline.com',
        scopes: [],
        verdict: 'needs-review',
        risk: 'high',
        enforcement,
        action,
        rules: [DEVICE_CODE_RULE],
      },
    ]);
  });

  it.each([
    ['https://www.microsoft.com/devicelogin', 'microsoft', 'www.microsoft.com'],
    ['https://www.google.com/device', 'google', 'www.google.com'],
    ['https://github.com/login/device', 'github', 'github.com'],
  ] as const)('names the provider of %s from the sender URL', async (url, provider, host) => {
    await startBackground();
    const reply = await pageShown(url);
    expect(reply).toMatchObject({ ok: true, warning: { provider, enforcement: 'warn' } });
    expect(await listEvents()).toMatchObject([{ provider, host, action: 'shown', rules: [DEVICE_CODE_RULE] }]);
  });

  it('passes the organization and support contact the policy names', async () => {
    const organization = { name: 'Acme Corp', supportContact: 'security@acme.example', supportUrl: 'https://help.acme.example/' };
    await setPolicy({ enforcement: 'inform', organization });
    await startBackground();
    expect(await pageShown('https://github.com/login/device')).toEqual({
      ok: true,
      warning: { provider: 'github', enforcement: 'inform', organization },
    });
  });

  it.each([
    ['an ordinary page of the same host', 'https://github.com/login'],
    ['a search for the word', 'https://www.google.com/search?q=device'],
    ['a look-alike host', 'https://github.com.attacker.test/login/device'],
  ])('refuses a content script on %s and logs nothing', async (_name, url) => {
    await startBackground();
    expect(await pageShown(url)).toEqual({ ok: false, error: 'The sender is not on a device-code verification page.' });
    expect(await listEvents()).toEqual([]);
  });

  it('refuses a device-code page in a frame', async () => {
    await startBackground();
    expect(await pageShown(MICROSOFT, { frameId: 3 })).toMatchObject({ ok: false });
    expect(await listEvents()).toEqual([]);
  });

  it('refuses the message from an extension page', async () => {
    await startBackground();
    expect(await deliverRaw({ type: 'device-code/page-shown' }, pageSender())).toMatchObject({ ok: false, refused: true });
    expect(await listEvents()).toEqual([]);
  });

  it('queues the event for the admin webhook with its rule', async () => {
    await setPolicy({ enforcement: 'warn', reporting: { webhookUrl: 'https://hooks.acme.example/consent', include: ['host'] } });
    await startBackground();
    await pageShown('https://www.google.com/device');
    await settleBackground();
    const [delivery] = await listDeliveries();
    expect(delivery?.kind).toBe('events');
    const payload = JSON.parse(delivery?.body ?? '{}') as { events: Record<string, unknown>[] };
    expect(payload.events).toMatchObject([{ provider: 'google', host: 'www.google.com', action: 'shown', rules: [DEVICE_CODE_RULE] }]);
  });
});
