import { daysBetween } from '../policy/iso-date';
import { defineRule, NO_FINDINGS } from './shared/rule';

export const pilotWithoutExpiry = defineRule({
  id: 'pilot-without-expiry',
  title: 'Test, pilot and exception access expires',
  description:
    'Pilot (test) approvals carry an expiry of at most 14 days, and exceptions at most 90 days (30, 60 or 90 is usual), so temporary access does not quietly become permanent.',
  defaultAction: 'inform',
  defaultOptions: { pilotMaxDays: 14, exceptionMaxDays: 90 },
  evaluate({ approval, today, settings, signInOnly }) {
    const kind = approval?.entry.kind;
    // Temporary access is about data; a sign-in alone needs no approval, so the approval's terms do not apply.
    if (approval === undefined || signInOnly || (kind !== 'pilot' && kind !== 'exception')) return NO_FINDINGS;
    const name = approval.entry.name ?? 'This app';
    const what = kind === 'pilot' ? 'test (pilot) access' : 'an exception';
    const maxDays = kind === 'pilot' ? settings.pilotMaxDays : settings.exceptionMaxDays;
    const { expiresOn, approvedOn } = approval.entry;
    if (expiresOn === undefined) {
      return [
        {
          severity: 'warning',
          message: `${name} is approved as ${what} but has no expiry date. Temporary access needs an end date (at most ${maxDays} days).`,
        },
      ];
    }
    const span = daysBetween(approvedOn ?? today, expiresOn);
    if (span <= maxDays) return NO_FINDINGS;
    return [
      {
        severity: 'warning',
        message: `${name} is approved as ${what} for ${span} days (until ${expiresOn}); your company allows at most ${maxDays}.`,
      },
    ];
  },
});
