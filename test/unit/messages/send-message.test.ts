import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, sendMessage } from '../../../lib/messages/send-message';

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('sendMessage', () => {
  it('resolves with the background reply', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ active: true, flowId: 'f1' } as never);
    await expect(sendMessage({ type: 'consent/hello', url: 'https://accounts.google.com/' })).resolves.toEqual({ active: true, flowId: 'f1' });
  });

  it.each([
    [{ ok: false, refused: true, error: 'Refused a message from an unknown sender.' }, true],
    [{ ok: false, failed: true, error: 'Consent Gate could not save the review: the disk is full.' }, false],
  ])('throws the reason of a refusal or failure: %o', async (reply, refused) => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(reply as never);
    const error = await sendMessage({ type: 'page/get-tab-state', tabId: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MessageError);
    expect(error).toMatchObject({ message: reply.error, refused });
  });

  it('passes a handler-level error reply through as typed data', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'Type a reason to continue.' } as never);
    await expect(sendMessage({ type: 'consent/action', flowId: 'f', action: 'continue' })).resolves.toEqual({ ok: false, error: 'Type a reason to continue.' });
  });

  it('throws when nothing answered', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await expect(sendMessage({ type: 'page/get-tab-state', tabId: 1 })).rejects.toThrow(/did not answer page\/get-tab-state/);
  });
});
