/**
 * Draft approvals for the apps people connected to that the policy does not approve, as a JSONC file the admin
 * edits and then decides on (or deletes entries from). It is a separate file on purpose: nothing in it is approved
 * until someone copies an entry into the policy. Each entry is a valid `approvedIntegrations` item as written, so
 * editing adds facts (owner, dates) rather than fixing syntax; the comments carry what the fleet's events showed.
 * Pure.
 */
import { hostBindingOf } from '../policy/host-binding';
import type { ApprovedIntegration } from '../policy/schema';
import type { AppSummary } from './app-inventory';

/** Which apps get a draft: the unapproved ones; blocked apps and scope creep on approved apps are decided elsewhere. */
export function needsDraft(app: AppSummary): boolean {
  return app.approval === 'not-approved' || app.approval === 'no-policy';
}

export function draftApproval(app: AppSummary): ApprovedIntegration {
  const name = app.appName?.trim() ?? '';
  // Bind to the host the events saw wherever a client id alone does not identify the app.
  const bindHost = app.host !== null && hostBindingOf(app.provider).kind !== 'none';
  return {
    ...(name === '' ? {} : { name }),
    provider: app.provider,
    clientId: app.clientId,
    ...(bindHost ? { host: app.host as string } : {}),
    scopes: app.scopes.map((scope) => scope.scope),
    // A first approval is a pilot: short, with an expiry the admin sets (the pilot-without-expiry rule insists).
    kind: 'pilot',
  };
}

/** Text that is safe inside a `//` comment: one line, no control or bidirectional-override characters. */
function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

export function renderDraftApprovals(apps: readonly AppSummary[], meta: { today: string; sources: readonly string[] }): string {
  const drafts = apps.filter(needsDraft);
  const header = [
    `// Draft approvals written by \`inventory\` on ${meta.today} from ${meta.sources.map(commentText).join(', ')}.`,
    `// ${drafts.length} app${drafts.length === 1 ? '' : 's'} that people connected to and the policy does not approve, riskiest first.`,
    '// NOTHING HERE IS APPROVED. For each app: decide (approve, pilot, narrow the scopes, decline), fill in owner,',
    '// backupOwner, approvedBy, approvedOn, expiresOn (pilots: 7 or 14 days), reviewBy, dataClasses and shutdown,',
    '// remove the scopes it does not need, then move the entry into the policy\'s approvedIntegrations and sign.',
  ];
  const entries = drafts.map((app) => {
    const seen = `${app.people} ${app.people === 1 ? 'person' : 'people'}, ${app.events} event${app.events === 1 ? '' : 's'}, ${app.firstSeen.slice(0, 10)} to ${app.lastSeen.slice(0, 10)}`;
    const actions = `continued ${app.actions.continued}, cancelled ${app.actions.cancelled}, review started ${app.actions['review-started'] + app.actions['review-requested']}`;
    const scopes = app.scopes.map((scope) => `${commentText(scope.scope)} (${scope.risk}${scope.source === 'guess' ? ', guessed' : ''})`);
    const lines = [
      `// ${commentText(app.appName ?? app.clientId)}: ${app.risk} risk; ${seen}; ${actions}.`,
      ...(scopes.length === 0 ? ['// Scopes: none reported (add "scopes" to reporting.include to see them).'] : [`// Scopes: ${scopes.join(', ')}.`]),
      ...(app.scopesNotListed > 0 ? [`// ${app.scopesNotListed} more distinct scopes were seen and are not listed.`] : []),
      JSON.stringify(draftApproval(app), null, 2),
    ];
    return indent(lines.join('\n'), '    ');
  });
  return `${header.join('\n')}\n{\n  "approvedIntegrations": [\n${entries.join(',\n')}${entries.length === 0 ? '' : '\n'}  ]\n}\n`;
}
