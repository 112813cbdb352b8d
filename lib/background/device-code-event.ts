/**
 * What the consent log records when a device-code verification page opens (lib/device-code-pages.ts). Pure.
 *
 * The page shows no client id and no scopes: the request was made by whatever device started the flow, possibly an
 * attacker's. So the event names the rule, the provider and the host, and is judged `needs-review` at `high` risk:
 * a code entered here gives that device a token for the person's account (often with offline access), and nothing
 * on the page says whose device it is.
 */
import type { DeviceCodePage } from '../device-code-pages';
import type { OverlayView } from '../messages/protocol';
import type { ConsentAction, ConsentEvent } from '../storage/records';

/** The rule id in the log and in webhook payloads. */
export const DEVICE_CODE_RULE = 'device-code-page';

/** The same choice as for a consent screen that needs a review: `off` logs nothing, `monitor` only logs. */
export function deviceCodeAction(enforcement: OverlayView['enforcement']): ConsentAction | undefined {
  switch (enforcement) {
    case 'off':
      return undefined;
    case 'monitor':
      return 'logged';
    case 'block':
      return 'blocked';
    default:
      return 'shown';
  }
}

export function buildDeviceCodeEvent(
  page: DeviceCodePage,
  enforcement: OverlayView['enforcement'],
  action: ConsentAction,
  now: number,
): Omit<ConsentEvent, 'id'> {
  return {
    at: new Date(now).toISOString(),
    provider: page.provider,
    clientId: '',
    host: page.host,
    scopes: [],
    verdict: 'needs-review',
    risk: 'high',
    enforcement,
    action,
    rules: [DEVICE_CODE_RULE],
  };
}
