/**
 * Questions the rules ask about classified scopes: is this sign-in only, and how risky is it on its own.
 * The levels follow the product's risk scale: low sign-in only; medium read of limited or non-sensitive data;
 * high any write, sensitive data or persistent data access; critical admin or organisation-wide write or delete.
 */
import type { RiskLevel } from '../evaluation';
import { RISK_LEVELS } from '../evaluation';
import { SENSITIVE_DATA_CLASSES, type DataClass, type ScopeInfo } from './scope-info';

/** The scope only signs the person in (identity), possibly with offline access to that identity. */
export function isSignInOnly(info: ScopeInfo): boolean {
  // A plain loop: this runs several times per scope of every request.
  const access = info.access;
  if (access.length === 0) return false;
  for (let i = 0; i < access.length; i++) if (access[i] !== 'identity') return false;
  return true;
}

/** Every scope is sign-in only. An empty list is not: without scopes the provider decides what is granted. */
export function areSignInOnly(infos: readonly ScopeInfo[]): boolean {
  return infos.length > 0 && infos.every(isSignInOnly);
}

const SENSITIVE: ReadonlySet<DataClass> = new Set(SENSITIVE_DATA_CLASSES);

// Plain loops below: these run for every scope of every request, and a callback per call costs an allocation.
export function touchesSensitiveData(info: ScopeInfo): boolean {
  for (const dataClass of info.dataClasses) if (SENSITIVE.has(dataClass)) return true;
  return false;
}

export function canChangeData(info: ScopeInfo): boolean {
  for (const access of info.access) if (access === 'write' || access === 'delete' || access === 'admin') return true;
  return false;
}

export function scopeRisk(info: ScopeInfo): RiskLevel {
  if (isSignInOnly(info)) return 'low';
  if (info.access.includes('admin')) return 'critical';
  const changes = canChangeData(info);
  if (changes && info.breadth === 'organization') return 'critical';
  if (changes || touchesSensitiveData(info) || info.grantsOfflineAccess) return 'high';
  // A guess of unknown reach could be anything a name hides; do not call it limited.
  if (info.source === 'guess' && info.breadth === 'unknown') return 'high';
  return 'medium';
}

/** The highest risk of a set of scopes (`low` for none). */
export function highestScopeRisk(infos: readonly ScopeInfo[]): RiskLevel {
  let highest = 0;
  for (const info of infos) highest = Math.max(highest, RISK_LEVELS.indexOf(scopeRisk(info)));
  return RISK_LEVELS[highest] ?? 'critical';
}
