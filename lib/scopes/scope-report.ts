/**
 * Everything Consent Gate concludes about one scope on its own, in one flat record: the classification and the
 * risk it carries. The admin CLI's `scopes` command prints it; the rules keep working on ScopeInfo directly.
 * Pure: classification and risk come from classify-scope.ts and scope-risk.ts, never decided here.
 */
import type { ProviderId } from '../authorization-request';
import type { RiskLevel } from '../evaluation';
import { classifyScope } from './classify-scope';
import type { Access, Breadth, DataClass, ProviderLabel } from './scope-info';
import { scopeRisk } from './scope-risk';

export interface ScopeReport {
  /** The provider the scope was looked up for. */
  provider: ProviderId;
  /** The scope exactly as given. */
  scope: string;
  source: 'catalog' | 'guess';
  access: Access[];
  dataClasses: DataClass[];
  breadth: Breadth;
  labels: ProviderLabel[];
  risk: RiskLevel;
  description: string;
  grantsOfflineAccess: boolean;
  /** Why a guess came out as it did; null for a catalog entry, so every report has the same fields. */
  guessReason: string | null;
}

export function reportScope(provider: ProviderId, scope: string): ScopeReport {
  const info = classifyScope(provider, scope);
  return {
    provider,
    scope: info.scope,
    source: info.source,
    // Copies: the classifier's answers are shared and frozen, a report belongs to its caller.
    access: [...info.access],
    dataClasses: [...info.dataClasses],
    breadth: info.breadth,
    labels: [...info.labels],
    risk: scopeRisk(info),
    description: info.description,
    grantsOfflineAccess: info.grantsOfflineAccess,
    guessReason: info.source === 'guess' ? (info.guessReason ?? null) : null,
  };
}
