import { defineRule, NO_FINDINGS } from './shared/rule';

export const lookAlikeApp = defineRule({
  id: 'look-alike-app',
  title: 'Look-alike app',
  description:
    'The consent page shows the name of an approved app, but the request comes from a different client id: an app posing as one the company trusts.',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ page, policy, approval }) {
    const appName = page?.appName;
    if (appName === undefined || approval !== undefined) return NO_FINDINGS;
    const namesakes = policy.approvalsNamed(appName);
    const first = namesakes[0];
    if (first === undefined) return NO_FINDINGS;
    return [
      {
        severity: 'critical',
        message: `This app calls itself "${appName}", like the approved ${first.entry.name ?? appName}, but it is a different app (another client id). It may be an impostor: do not continue unless your IT team confirms it.`,
      },
    ];
  },
});
