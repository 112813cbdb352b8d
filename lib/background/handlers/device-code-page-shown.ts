/**
 * `device-code/page-shown`: the device-code content script opened on a verification page. The background decides
 * from the sender's URL (set by the browser) whether it really is one, logs the visit as the policy asks, and
 * answers how to warn. A content script elsewhere, or in a frame, is refused: it cannot write events for pages it
 * is not on, and a framed verification page is not where a person types a code.
 */
import { deviceCodePageFor } from '../../device-code-pages';
import type { MessageHandler } from '../../messages/router';
import { recordConsentEvent } from '../consent-log';
import { runDetached } from '../detached-work';
import { buildDeviceCodeEvent, deviceCodeAction } from '../device-code-event';
import { getEffectivePolicy } from '../policy-cache';

export const handleDeviceCodePageShown: MessageHandler<'device-code/page-shown'> = async (_message, sender) => {
  if ((sender.frameId ?? 0) !== 0) return { ok: false, error: 'Device-code pages are checked in the top frame only.' };
  const page = deviceCodePageFor(sender.url);
  if (page === undefined) return { ok: false, error: 'The sender is not on a device-code verification page.' };

  const { compiled } = await getEffectivePolicy();
  const { enforcement } = compiled;
  const action = deviceCodeAction(enforcement);
  const now = Date.now();
  // The warning does not wait for the log: the person may be typing the code already, and a lost entry must not
  // stop the warning. A failed write is logged with its reason.
  if (action !== undefined) {
    void runDetached('record the device-code page event', recordConsentEvent(buildDeviceCodeEvent(page, enforcement, action, now), now));
  }
  const organization = compiled.organization;
  return {
    ok: true,
    warning: {
      provider: page.provider,
      enforcement,
      organization: {
        ...(organization?.name === undefined ? {} : { name: organization.name }),
        ...(organization?.supportContact === undefined ? {} : { supportContact: organization.supportContact }),
        ...(organization?.supportUrl === undefined ? {} : { supportUrl: organization.supportUrl }),
      },
    },
  };
};
