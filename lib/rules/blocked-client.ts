import { ANY_CLIENT } from '../policy/schema';
import { defineRule, NO_FINDINGS } from './shared/rule';

export const blockedClient = defineRule({
  id: 'blocked-client',
  title: 'Blocked client',
  description: `The app is on the company's block list (or its provider is blocked with client id "${ANY_CLIENT}" and the app is not approved).`,
  defaultAction: 'block',
  defaultOptions: {},
  evaluate({ request, policy, approval }) {
    const block = policy.findBlock(request, approval !== undefined);
    if (block === undefined) return NO_FINDINGS;
    const name = block.entry.name ?? approval?.entry.name ?? 'This app';
    const reason = block.entry.reason === undefined ? '' : ` Reason: ${block.entry.reason}`;
    const message =
      block.entry.clientId === ANY_CLIENT
        ? `Your company blocks every ${request.provider} app that is not on its approved list, and this one is not.${reason}`
        : `${name} is blocked by your company.${reason}`;
    return [{ severity: 'high', message }];
  },
});
