/**
 * The effective policy as the options page lists it: one line per part of the policy with a short value and the
 * source it came from (lib/policy-sources/resolve-effective-policy.ts). Keys follow the schema's order; each rule
 * is its own line, because managed policy may pin one rule and leave the rest to lower sources.
 */
import { PolicySchema, RULE_IDS, type Policy, type RuleId } from '../policy/schema';
import { POLICY_SOURCES, type PolicySourceId } from '../policy-sources/resolve-effective-policy';
import { RULES } from '../rules';
import { ENFORCEMENT_LABELS, POLICY_KEY_LABELS, RULE_ACTION_LABELS } from '../strings/options';

export interface SummaryLine {
  /** `enforcement`, `approvedIntegrations`, `rules.scope-creep`, ... */
  key: string;
  label: string;
  value: string;
  origin: PolicySourceId;
}

const RULE_TITLES = new Map<string, string>(RULES.map((rule) => [rule.id, rule.title]));
const TOP_LEVEL_ORDER = Object.keys(PolicySchema.shape);

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function describeKey(policy: Policy, key: string): string {
  switch (key) {
    case 'schemaVersion':
      return String(policy.schemaVersion);
    case 'organization': {
      const org = policy.organization;
      if (!org) return '';
      return org.supportContact ? `${org.name} (support: ${org.supportContact})` : org.name;
    }
    case 'enforcement':
      return policy.enforcement ? ENFORCEMENT_LABELS[policy.enforcement] : '';
    case 'approvedIntegrations':
      return `${policy.approvedIntegrations?.length ?? 0} approved`;
    case 'blockedIntegrations':
      return `${policy.blockedIntegrations?.length ?? 0} blocked`;
    case 'configUrl':
      return policy.configUrl ?? '';
    case 'configPublicKey':
      // The key is long and opaque; its end is enough to compare with what `consent-gate keygen` printed.
      return policy.configPublicKey ? `pinned, ends \u2026${policy.configPublicKey.slice(-12)}` : '';
    case 'configRefreshMinutes':
      return policy.configRefreshMinutes === undefined ? '' : `every ${plural(policy.configRefreshMinutes, 'minute', 'minutes')}`;
    case 'allowLocalPolicy':
      return policy.allowLocalPolicy === false ? 'not allowed' : 'allowed';
    case 'localPolicy': {
      const local = policy.localPolicy;
      if (!local) return '';
      return `approvals ${local.allowApprovals === true ? 'allowed' : 'ignored'}; destinations ${local.allowDestinations === true ? 'allowed' : 'ignored'}`;
    }
    case 'reporting': {
      const reporting = policy.reporting;
      if (!reporting) return '';
      const extra = reporting.include && reporting.include.length > 0 ? ` (also ${reporting.include.join(', ')})` : '';
      return `${reporting.webhookUrl}${extra}`;
    }
    case 'reviewIntake': {
      const intake = policy.reviewIntake;
      if (!intake) return '';
      const targets = [
        intake.webhookUrl && `webhook ${intake.webhookUrl}`,
        intake.slackWebhookUrl && 'Slack',
        intake.email && `email ${intake.email}`,
        intake.formUrl && `form ${intake.formUrl}`,
      ].filter((target): target is string => typeof target === 'string' && target !== '');
      return targets.length === 0 ? 'kept in this browser only' : targets.join('; ');
    }
    case 'reminders': {
      const reminders = policy.reminders;
      if (!reminders) return '';
      const parts = [
        reminders.expiryWarningDays !== undefined && `expiry warning ${plural(reminders.expiryWarningDays, 'day', 'days')} ahead`,
        reminders.draftReminderDays !== undefined && `drafts after ${plural(reminders.draftReminderDays, 'day', 'days')}`,
      ].filter((part): part is string => typeof part === 'string');
      return parts.join('; ');
    }
    default:
      return '';
  }
}

function describeRule(settings: Record<string, unknown> | undefined): string {
  if (!settings) return '';
  const parts: string[] = [];
  const action = settings.action;
  if (typeof action === 'string') parts.push(RULE_ACTION_LABELS[action as keyof typeof RULE_ACTION_LABELS] ?? action);
  for (const [name, value] of Object.entries(settings)) {
    if (name === 'action' || value === undefined) continue;
    parts.push(`${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  }
  return parts.join('; ');
}

function isSource(value: unknown): value is PolicySourceId {
  return typeof value === 'string' && (POLICY_SOURCES as readonly string[]).includes(value);
}

export function summarizePolicy(policy: Policy, origins: Readonly<Record<string, string>>): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const key of TOP_LEVEL_ORDER) {
    if (key === 'rules') {
      for (const id of RULE_IDS) {
        const origin = origins[`rules.${id}`];
        if (!isSource(origin)) continue;
        lines.push({
          key: `rules.${id}`,
          label: `Rule: ${RULE_TITLES.get(id) ?? id}`,
          value: describeRule(policy.rules?.[id as RuleId] as Record<string, unknown> | undefined),
          origin,
        });
      }
      continue;
    }
    const origin = origins[key];
    if (!isSource(origin)) continue;
    lines.push({ key, label: POLICY_KEY_LABELS[key] ?? key, value: describeKey(policy, key), origin });
  }
  return lines;
}
