/**
 * Every user-facing string of the device-code warning (components/overlay/DeviceCodeWarning.tsx), in one place,
 * ready for translation. The warning shows no page-controlled text at all: only these strings and the policy's
 * organization settings.
 */
import type { DeviceCodeProvider } from '../device-code-pages';

export const deviceCodeStrings = {
  providerName: { microsoft: 'Microsoft', google: 'Google', github: 'GitHub' } satisfies Record<DeviceCodeProvider, string>,
  title: (provider: string) => `This page signs a device in to your ${provider} account`,
  /** The one sentence a person must take away; tests look for it verbatim. */
  rule: 'Only enter a code that you asked for yourself, on a device you own.',
  explanationHeading: 'How device-code phishing works',
  explanation: (provider: string) =>
    `A code typed here lets the device that asked for it use your ${provider} account as you, and it keeps that ` +
    'access until someone revokes it. Attackers start such a sign-in themselves and send you the code with a ' +
    'believable reason: a message from "IT support", a meeting invite, a shared document to unlock. Your password ' +
    'and second factor do not stop it, because you complete them for the attacker.',
  ifSomeoneSentIt: 'If someone sent you this code or this link, do not enter it. Leave this page and tell your security team.',
  blocked: 'Your organization does not allow signing devices in from this page.',
  leave: 'Leave this page',
  askedForIt: 'I asked for this code',
  askedForItLabel: 'I asked for this code myself, on a device I own: hide this warning',
  dismiss: 'Dismiss',
  dismissLabel: 'Dismiss this warning',
  leaving: 'Leaving this page…',
} as const;
