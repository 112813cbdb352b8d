import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDeviceCodeWarning, leaveDeviceCodePage, type DeviceCodeWarningController } from '../../../components/overlay/device-code-controller';
import type { DeviceCodePage } from '../../../lib/device-code-pages';
import type { MessageReplies } from '../../../lib/messages/protocol';

const PAGE: DeviceCodePage = { provider: 'github', host: 'github.com' };
const SENTENCE = 'Only enter a code that you asked for yourself, on a device you own';

const controllers: DeviceCodeWarningController[] = [];
async function start(reply: () => Promise<MessageReplies['device-code/page-shown']>) {
  const messenger = { sendPageShown: vi.fn(reply), leave: vi.fn() };
  const controller = startDeviceCodeWarning(document, PAGE, messenger);
  controllers.push(controller);
  await controller.ready;
  return { controller, messenger };
}

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.stop();
  vi.restoreAllMocks();
});

function attributes(controller: DeviceCodeWarningController): Record<string, string | null> {
  const host = controller.host()?.host;
  if (!host) throw new Error('no host on the page');
  return Object.fromEntries(['data-consent-gate', 'data-state', 'data-provider', 'data-enforcement', 'data-display'].map((name) => [name, host.getAttribute(name)]));
}

describe('startDeviceCodeWarning', () => {
  it('draws the warning the background answers with, on a host that carries the provider and mode', async () => {
    const { controller, messenger } = await start(async () => ({
      ok: true,
      warning: { provider: 'github', enforcement: 'block', organization: { name: 'Acme Corp' } },
    }));
    expect(messenger.sendPageShown).toHaveBeenCalledTimes(1);
    const overlay = controller.host();
    expect(overlay?.host.parentNode).toBe(document.documentElement);
    expect(attributes(controller)).toEqual({
      'data-consent-gate': '',
      'data-state': 'ready',
      'data-provider': 'github',
      'data-enforcement': 'block',
      'data-display': 'interstitial',
    });
    expect(overlay?.mountPoint.textContent).toContain(SENTENCE);
    expect(overlay?.mountPoint.textContent).toContain('Acme Corp security check');
  });

  it.each(['off', 'monitor'] as const)('puts nothing on the page in %s mode', async (enforcement) => {
    const { controller } = await start(async () => ({ ok: true, warning: { provider: 'github', enforcement, organization: {} } }));
    expect(controller.host()).toBeUndefined();
    expect(document.documentElement.querySelector('[data-consent-gate]')).toBeNull();
  });

  it.each([
    ['the background refuses', async () => ({ ok: false as const, error: 'The sender is not on a device-code verification page.' })],
    ['the background is unreachable', () => Promise.reject(new Error('Could not establish connection.'))],
  ])('fails closed when %s: a warn panel, marked as an error', async (_name, reply) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { controller } = await start(reply);
    expect(attributes(controller)).toEqual({
      'data-consent-gate': '',
      'data-state': 'error',
      'data-provider': 'github',
      'data-enforcement': 'warn',
      'data-display': 'panel',
    });
    expect(controller.host()?.mountPoint.textContent).toContain(SENTENCE);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  it('"Leave this page" calls the leave the content script passed', async () => {
    const { controller, messenger } = await start(async () => ({ ok: true, warning: { provider: 'github', enforcement: 'warn', organization: {} } }));
    controller.host()?.mountPoint.querySelector<HTMLButtonElement>('[data-testid="leave"]')?.click();
    expect(messenger.leave).toHaveBeenCalledTimes(1);
  });

  it('draws nothing when stopped before the answer arrives', async () => {
    let answer: (reply: MessageReplies['device-code/page-shown']) => void = () => undefined;
    const messenger = { sendPageShown: vi.fn(() => new Promise<MessageReplies['device-code/page-shown']>((resolve) => (answer = resolve))), leave: vi.fn() };
    const controller = startDeviceCodeWarning(document, PAGE, messenger);
    controller.stop();
    answer({ ok: true, warning: { provider: 'github', enforcement: 'warn', organization: {} } });
    await controller.ready;
    expect(controller.host()).toBeUndefined();
  });
});

describe('leaveDeviceCodePage', () => {
  it.each([
    [3, 'back', 0],
    [1, 'replace', 1],
  ] as const)('with %i history entries goes %s', (length, _how, replaced) => {
    const back = vi.fn();
    const replace = vi.fn();
    leaveDeviceCodePage({ history: { length, back }, location: { replace } } as unknown as Window);
    expect(back).toHaveBeenCalledTimes(1 - replaced);
    expect(replace.mock.calls).toEqual(replaced === 1 ? [['about:blank']] : []);
  });
});
