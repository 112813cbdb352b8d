import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEVICE_CODE_SCRIPT } from '../../../lib/background/device-code-injection';
import { executeScript, resetBackground, settleBackground, startBackground } from './background-harness';

const TAB = 5;

async function commit(url: string, extras: { frameId?: number; documentId?: string } = {}): Promise<void> {
  await fakeBrowser.webNavigation.onCommitted.trigger({
    tabId: TAB, frameId: extras.frameId ?? 0, url, parentFrameId: -1, timeStamp: Date.now(), processId: 1,
    transitionType: 'link', transitionQualifiers: [], ...(extras.documentId === undefined ? {} : { documentId: extras.documentId }),
  } as never);
  await settleBackground();
}

function deviceCodeInjections(): unknown[] {
  return executeScript.mock.calls
    .map(([injection]) => injection as { files?: string[]; target: unknown })
    .filter((injection) => injection.files?.includes(DEVICE_CODE_SCRIPT))
    .map((injection) => injection.target);
}

beforeEach(async () => {
  resetBackground();
  await startBackground();
});

describe('the device-code script on the Microsoft sign-in host, injected at commit', () => {
  it.each([
    ['the published spelling', 'https://login.microsoftonline.com/common/oauth2/deviceauth', [{ tabId: TAB, documentIds: ['D1'] }]],
    ['an upper-case path the server reads alike', 'https://login.microsoftonline.com/organizations/OAUTH2/DEVICEAUTH', [{ tabId: TAB, documentIds: ['D1'] }]],
    ['a sign-in page outside any flow', 'https://login.microsoftonline.com/common/login', []],
    ['an authorization request', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&scope=openid', []],
    ['a device-code page the manifest already declares', 'https://www.microsoft.com/devicelogin', []],
  ])('%s', async (_name, url, expected) => {
    await commit(url, { documentId: 'D1' });
    expect(deviceCodeInjections()).toEqual(expected);
  });

  it('targets the top frame when the browser names no document (Firefox before 153)', async () => {
    await commit('https://login.microsoftonline.com/common/oauth2/deviceauth');
    expect(deviceCodeInjections()).toEqual([{ tabId: TAB, frameIds: [0] }]);
  });

  it('leaves embedded frames alone', async () => {
    await commit('https://login.microsoftonline.com/common/oauth2/deviceauth', { frameId: 3, documentId: 'D2' });
    expect(deviceCodeInjections()).toEqual([]);
  });
});
