/**
 * Questions the rules ask about classified scopes: is this sign-in only, and how risky is it on its own.
 *
 * `scopeRisk` is the one place a scope's risk is decided; the engine, the admin-scopes rule, the options page and
 * the `scopes` command all ask it rather than weighing access and breadth themselves. The scale:
 * - low: sign-in only.
 * - medium: reading data that is neither sensitive nor of unknown reach, or anything limited to the items the
 *   person picks for the app or the app creates (Google `drive.file`): the app never sees the rest of the store.
 * - high: any write or delete short of the whole organisation, reading sensitive data (also across the whole
 *   organisation: reading is not administering), persistent access, or a reach nobody can tell (`.default`, a
 *   company's own API, a guess).
 * - critical: administration, or write or delete across the whole organisation.
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

/** Administers the account: users, roles, settings or other apps' access. */
export function grantsAdmin(info: ScopeInfo): boolean {
  return info.access.includes('admin');
}

/** Write or delete across the whole organisation: as damaging as an admin scope. */
export function grantsOrganizationWrite(info: ScopeInfo): boolean {
  return info.breadth === 'organization' && (info.access.includes('write') || info.access.includes('delete'));
}

export function scopeRisk(info: ScopeInfo): RiskLevel {
  if (isSignInOnly(info)) return 'low';
  if (grantsAdmin(info) || grantsOrganizationWrite(info)) return 'critical';
  // Only what the person hands the app, or what it made itself: even a change cannot reach the rest.
  if (info.breadth === 'selected') return 'medium';
  if (canChangeData(info) || touchesSensitiveData(info) || info.grantsOfflineAccess) return 'high';
  // A reach nobody can tell (Microsoft `.default`, a company's own API, a guess) could be anything: not limited.
  if (info.breadth === 'unknown') return 'high';
  return 'medium';
}

/** The highest risk of a set of scopes (`low` for none). */
export function highestScopeRisk(infos: readonly ScopeInfo[]): RiskLevel {
  let highest = 0;
  for (const info of infos) highest = Math.max(highest, RISK_LEVELS.indexOf(scopeRisk(info)));
  return RISK_LEVELS[highest] ?? 'critical';
}
