/**
 * The fleet's consent events folded into one row per app (provider + client id + host), in memory that grows with
 * the number of apps, people and distinct scopes, never with the number of events: each event updates counters
 * and is dropped. `summarize` then judges each app against the policy and ranks them by risk, then reach. Pure.
 */
import type { ProviderId } from '../authorization-request';
import { RISK_LEVELS, VERDICTS, type RiskLevel, type Verdict } from '../evaluation';
import { clientIdKey } from '../policy/client-index';
import type { CompiledPolicy } from '../policy/compiled-policy';
import { scopeKey } from '../policy/scope-key';
import { classifyScope } from '../scopes/classify-scope';
import { scopeRisk } from '../scopes/scope-risk';
import { CONSENT_ACTIONS, type ConsentAction } from '../storage/records';
import { IdSet } from './id-set';
import type { InventoryEvent } from './inventory-event';

/**
 * Distinct scopes kept per app. Real apps ask for a few dozen; the cap only stops a stream of made-up scopes from
 * growing one row without end. Scopes past it are counted, never silently dropped.
 */
export const MAX_SCOPES_PER_APP = 500;

/** How an app stands against the policy. `no-policy` when none was given. */
export const APPROVAL_STATES = ['blocked', 'beyond-approval', 'not-approved', 'approved', 'no-policy'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export interface InventoryScope {
  scope: string;
  risk: RiskLevel;
  description: string;
  /** `catalog` for a known scope; `guess` when its meaning was inferred from its words. */
  source: 'catalog' | 'guess';
  /** Whether the app's approval covers it (false without an approval). */
  approved: boolean;
}

export interface AppSummary {
  provider: ProviderId;
  clientId: string;
  /** Null when the events did not carry the host (the webhook sends it only when `reporting.include` lists it). */
  host: string | null;
  /** The app name the most recent event showed, if any. */
  appName: string | null;
  /** Distinct installations (one person on one browser) that met the app. */
  people: number;
  events: number;
  firstSeen: string;
  lastSeen: string;
  verdicts: Record<Verdict, number>;
  actions: Record<ConsentAction, number>;
  /** The union of requested scopes, riskiest first. */
  scopes: InventoryScope[];
  /** Distinct scopes past MAX_SCOPES_PER_APP, not listed. */
  scopesNotListed: number;
  /** The highest of the scopes' risk (from the catalog) and the risk the extension reported for any event. */
  risk: RiskLevel;
  approval: ApprovalState;
  /** Position of the matching entry in the policy's approvedIntegrations. */
  approvalIndex: number | null;
}

export interface InventoryTotals {
  /** Events counted. */
  events: number;
  /** Events before --since, not counted. */
  beforeSince: number;
  apps: number;
  people: number;
}

interface AppTally {
  provider: ProviderId;
  clientId: string;
  host: string | undefined;
  appName: string | undefined;
  appNameAt: string;
  people: IdSet;
  events: number;
  firstSeen: string;
  lastSeen: string;
  verdicts: Record<Verdict, number>;
  actions: Record<ConsentAction, number>;
  scopes: Set<string>;
  scopesNotListed: Set<string> | number;
  reportedRisk: number;
}

const zeroCounts = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export class AppInventory {
  private readonly apps = new Map<string, AppTally>();
  /** Every installation seen, numbered in order of appearance, so apps keep numbers rather than strings. */
  private readonly installations = new Map<string, number>();
  private counted = 0;
  private skipped = 0;

  /** `since`: an ISO date or time; events before it are not counted. ISO times in UTC compare as text. */
  constructor(private readonly since?: string) {}

  add(event: InventoryEvent): void {
    if (this.since !== undefined && event.at < this.since) {
      this.skipped++;
      return;
    }
    this.counted++;
    // The client id compared the way approvals compare it (Microsoft's are case-insensitive).
    const key = `${event.provider}\u0000${clientIdKey(event.provider, event.clientId)}\u0000${event.host ?? ''}`;
    let app = this.apps.get(key);
    if (app === undefined) {
      app = {
        provider: event.provider,
        clientId: event.clientId,
        host: event.host,
        appName: undefined,
        appNameAt: '',
        people: new IdSet(),
        events: 0,
        firstSeen: event.at,
        lastSeen: event.at,
        verdicts: zeroCounts(VERDICTS),
        actions: zeroCounts(CONSENT_ACTIONS),
        scopes: new Set(),
        scopesNotListed: 0,
        reportedRisk: 0,
      };
      this.apps.set(key, app);
    }
    app.events++;
    let installation = this.installations.get(event.installationId);
    if (installation === undefined) {
      installation = this.installations.size;
      this.installations.set(event.installationId, installation);
    }
    app.people.add(installation, this.installations.size);
    if (event.at < app.firstSeen) app.firstSeen = event.at;
    if (event.at > app.lastSeen) app.lastSeen = event.at;
    app.verdicts[event.verdict]++;
    app.actions[event.action]++;
    const risk = RISK_LEVELS.indexOf(event.risk);
    if (risk > app.reportedRisk) app.reportedRisk = risk;
    if (event.appName !== undefined && event.at >= app.appNameAt) {
      app.appName = event.appName;
      app.appNameAt = event.at;
    }
    if (event.scopes !== undefined) for (const scope of event.scopes) addScope(app, scope);
  }

  totals(): InventoryTotals {
    return { events: this.counted, beforeSince: this.skipped, apps: this.apps.size, people: this.installations.size };
  }

  /** One row per app, judged against `policy` when given, riskiest first, then by reach. */
  summarize(policy: CompiledPolicy | undefined): AppSummary[] {
    const rows = [...this.apps.values()].map((app) => summarizeApp(app, policy));
    return rows.sort(compareApps);
  }
}

function addScope(app: AppTally, scope: string): void {
  if (app.scopes.has(scope)) return;
  if (app.scopes.size < MAX_SCOPES_PER_APP) {
    app.scopes.add(scope);
    return;
  }
  // Past the cap, remember only how many distinct scopes there were, in a set that is itself capped.
  if (typeof app.scopesNotListed === 'number') app.scopesNotListed = new Set();
  if (app.scopesNotListed.size < MAX_SCOPES_PER_APP * 10) app.scopesNotListed.add(scope);
}

function summarizeApp(app: AppTally, policy: CompiledPolicy | undefined): AppSummary {
  // A missing host matches only approvals that name no host and whose provider allows that: fail closed where a
  // client id alone does not identify the app (lib/policy/host-binding.ts).
  const request = { provider: app.provider, clientId: app.clientId, host: app.host ?? '' };
  const approval = policy?.findApproval(request);
  const covers = (scope: string): boolean => {
    if (approval === undefined) return false;
    const key = scopeKey(app.provider, scope);
    return approval.scopeKeys.has(key) || approval.userScopeKeys.has(key);
  };
  const scopes: InventoryScope[] = [...app.scopes].map((scope) => {
    const info = classifyScope(app.provider, scope);
    return { scope, risk: scopeRisk(info), description: info.description, source: info.source, approved: covers(scope) };
  });
  scopes.sort((a, b) => RISK_LEVELS.indexOf(b.risk) - RISK_LEVELS.indexOf(a.risk) || (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
  let risk = app.reportedRisk;
  for (const scope of scopes) risk = Math.max(risk, RISK_LEVELS.indexOf(scope.risk));

  let state: ApprovalState;
  if (policy === undefined) state = 'no-policy';
  else if (policy.findBlock(request, approval !== undefined) !== undefined) state = 'blocked';
  else if (approval === undefined) state = 'not-approved';
  else if (scopes.some((scope) => !scope.approved) || app.scopesNotListed !== 0) state = 'beyond-approval';
  else state = 'approved';

  return {
    provider: app.provider,
    clientId: app.clientId,
    host: app.host ?? null,
    appName: app.appName ?? null,
    people: app.people.size,
    events: app.events,
    firstSeen: app.firstSeen,
    lastSeen: app.lastSeen,
    verdicts: { ...app.verdicts },
    actions: { ...app.actions },
    scopes,
    scopesNotListed: typeof app.scopesNotListed === 'number' ? 0 : app.scopesNotListed.size,
    risk: RISK_LEVELS[risk] as RiskLevel,
    approval: state,
    approvalIndex: approval?.index ?? null,
  };
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Riskiest first; among equals the app more people met, then more events; then by name, so the order is stable. */
export function compareApps(a: AppSummary, b: AppSummary): number {
  return (
    RISK_LEVELS.indexOf(b.risk) - RISK_LEVELS.indexOf(a.risk) ||
    b.people - a.people ||
    b.events - a.events ||
    text(a.provider, b.provider) ||
    text(a.clientId, b.clientId) ||
    text(a.host ?? '', b.host ?? '')
  );
}
