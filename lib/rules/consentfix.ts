import { clientKey } from '../policy/scope-key';
import { FIRST_PARTY_CLIENTS } from './shared/first-party-clients';
import { defineRule, NO_FINDINGS } from './shared/rule';

const FIRST_PARTY_BY_KEY: ReadonlyMap<string, string> = new Map(
  FIRST_PARTY_CLIENTS.map((client) => [clientKey(client.provider, client.clientId), client.name]),
);

export const consentfix = defineRule({
  id: 'consentfix',
  title: 'First-party app with a localhost redirect ("ConsentFix")',
  description:
    "A provider's own app (Azure CLI, Office, gcloud, ...) whose sign-in ends at a localhost address. Phishing pages use it to make people paste that address, which carries the sign-in code, back into the page.",
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ request, redirect }) {
    if (redirect === undefined || !redirect.loopback) return NO_FINDINGS;
    const name = FIRST_PARTY_BY_KEY.get(clientKey(request.provider, request.clientId));
    if (name === undefined) return NO_FINDINGS;
    return [
      {
        severity: 'high',
        message: `This sign-in uses ${name}, a tool of the provider itself, and ends at an address on this computer (${redirect.host}). Unless you started it from that tool yourself, stop: never copy the address you land on into a web page or chat, it lets someone else sign in as you.`,
      },
    ];
  },
});
