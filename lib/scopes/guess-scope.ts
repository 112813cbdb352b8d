/**
 * The cautious guess for a scope no catalog knows. It is never silent: it always says that it guessed and why,
 * and a name with no recognisable word is treated as read and write of unknown breadth.
 */
import type { ProviderId } from '../authorization-request';
import type { ScopeInfo } from './scope-info';
import { MAX_SCOPE_CHARS_READ, describeReading, readScopeWords } from './scope-words';

const SHOWN_NAME_CHARS = 60;

function shownName(scope: string): string {
  const printable = scope.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').trim();
  if (printable === '') return '(empty)';
  return printable.length > SHOWN_NAME_CHARS ? `${printable.slice(0, SHOWN_NAME_CHARS)}…` : printable;
}

export interface GuessContext {
  /** The provider's administration-API pattern (see ProviderCatalog.adminGuess). */
  adminGuess?: RegExp;
}

export function guessScope(provider: ProviderId, scope: string, context: GuessContext = {}): ScopeInfo {
  const reading = readScopeWords(scope);
  if (context.adminGuess?.test(scope.slice(0, MAX_SCOPE_CHARS_READ))) {
    if (!reading.access.includes('admin')) reading.access.push('admin');
    reading.access = reading.access.filter((access) => access !== 'identity');
    if (reading.access.length === 1) reading.access.unshift('read');
    reading.breadth = 'organization';
    reading.evidence.push(`the ${provider} administration prefix`);
  }
  const name = shownName(scope);
  const reasons: string[] = [];
  if (reading.accessUnknown) {
    reasons.push('no word in its name says what it allows, so it is treated as read and write');
  } else {
    reasons.push(`its name contains ${reading.evidence.slice(0, 4).join(', ')}`);
  }
  if (reading.breadth === 'unknown') reasons.push('how much data it reaches is unknown');
  if (scope.length > MAX_SCOPE_CHARS_READ) reasons.push(`only the first ${MAX_SCOPE_CHARS_READ} characters were read`);
  const dataClasses = reading.dataClasses.length > 0 ? reading.dataClasses : ['internal' as const];
  return {
    scope,
    catalog: provider,
    access: reading.access,
    dataClasses,
    breadth: reading.breadth,
    labels: [],
    description: `Unknown permission "${name}": it may ${lowerFirst(describeReading({ ...reading, dataClasses }))}`,
    grantsOfflineAccess: reading.grantsOfflineAccess,
    source: 'guess',
    guessReason: `Not in the ${provider} scope catalog; guessed because ${reasons.join('; ')}.`,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
