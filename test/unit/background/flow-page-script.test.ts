import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONSENT_HOST_PATTERNS } from '../../../lib/consent-hosts';
import { GREETING_SCRIPT_FILE, GREETING_SCRIPT_ID, syncGreetingScript } from '../../../lib/background/flow-page-script';
import { removeTabState, writeTabState, type StoredTabState } from '../../../lib/background/tab-state-store';
import { resetBackground } from './background-harness';

/** The browser's registry of dynamic content scripts, as `scripting` keeps it. */
const registered = new Map<string, { id: string; matches?: string[]; js?: string[]; runAt?: string; persistAcrossSessions?: boolean }>();
const registerContentScripts = vi.fn(async (scripts: { id: string }[]) => {
  for (const script of scripts) {
    if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
    registered.set(script.id, script);
  }
});
const unregisterContentScripts = vi.fn(async (filter: { ids: string[] }) => {
  for (const id of filter.ids) {
    if (!registered.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
  }
});
const getRegisteredContentScripts = vi.fn(async (filter: { ids: string[] }) => filter.ids.flatMap((id) => (registered.has(id) ? [registered.get(id)] : [])));

function flow(tabId: number): StoredTabState {
  return {
    flowId: `flow-${tabId}`,
    tabId,
    capturedAt: Date.now(),
    request: { provider: 'google', host: 'accounts.google.com', clientId: 'c', scopes: ['openid'], url: 'https://accounts.google.com/o/oauth2/v2/auth' },
  } as StoredTabState;
}

beforeEach(() => {
  resetBackground();
  registered.clear();
  for (const mock of [registerContentScripts, unregisterContentScripts, getRegisteredContentScripts]) mock.mockClear();
  Object.assign(fakeBrowser.scripting, { registerContentScripts, unregisterContentScripts, getRegisteredContentScripts });
});

describe('the greeting script follows the flows', () => {
  it.each([
    ['no flow: nothing registered', [], false],
    ['one flow: registered', [1], true],
    ['two flows: registered once', [1, 2], true],
  ])('%s', async (_name, tabs, expected) => {
    for (const tab of tabs) await writeTabState(flow(tab));
    await syncGreetingScript(true);
    await syncGreetingScript(true);
    expect(registered.has(GREETING_SCRIPT_ID)).toBe(expected);
    expect(registerContentScripts).toHaveBeenCalledTimes(expected ? 1 : 0);
  });

  it('registers for every consent host at document_start, not across browser sessions', async () => {
    await writeTabState(flow(1));
    await syncGreetingScript(true);
    expect(registered.get(GREETING_SCRIPT_ID)).toEqual({
      id: GREETING_SCRIPT_ID,
      matches: [...CONSENT_HOST_PATTERNS],
      js: [GREETING_SCRIPT_FILE],
      runAt: 'document_start',
      persistAcrossSessions: false,
    });
  });

  it('unregisters only when the last flow ends, also when both end at once', async () => {
    await writeTabState(flow(1));
    await writeTabState(flow(2));
    await syncGreetingScript(true);
    await removeTabState(1);
    await syncGreetingScript(true);
    expect(registered.has(GREETING_SCRIPT_ID)).toBe(true);
    await removeTabState(2);
    await Promise.all([syncGreetingScript(true), syncGreetingScript(true)]);
    expect(registered.has(GREETING_SCRIPT_ID)).toBe(false);
    expect(unregisterContentScripts).toHaveBeenCalledTimes(1);
  });

  it('does nothing in a build that does not need it (Chromium names documents)', async () => {
    await writeTabState(flow(1));
    await syncGreetingScript(false);
    expect(getRegisteredContentScripts).not.toHaveBeenCalled();
    expect(registered.size).toBe(0);
  });

  it('rejects with the browser\'s reason, and the next call tries again', async () => {
    await writeTabState(flow(1));
    registerContentScripts.mockRejectedValueOnce(new Error('Permission denied'));
    await expect(syncGreetingScript(true)).rejects.toThrow('Permission denied');
    await syncGreetingScript(true);
    expect(registered.has(GREETING_SCRIPT_ID)).toBe(true);
  });
});
