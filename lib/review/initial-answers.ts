/**
 * What the questionnaire can answer before the person types: the tool's name and the kinds of data the requested
 * scopes reach, plus the seed's shortest test-access expiry as the default for a pilot.
 */
import type { ReviewPrefill } from '../storage/records';
import { DATA_CLASSES, type DataClass } from '../scopes/scope-info';
import type { DraftAnswers } from './questionnaire-schema';

const isDataClass = (value: string): value is DataClass => (DATA_CLASSES as readonly string[]).includes(value);

export function initialAnswers(prefill: ReviewPrefill): DraftAnswers {
  const dataClasses = DATA_CLASSES.filter((dataClass) =>
    prefill.scopes.some((scope) => scope.dataClasses.filter(isDataClass).includes(dataClass)),
  );
  return {
    ...(prefill.appName?.trim() ? { toolName: prefill.appName.trim().slice(0, 120) } : {}),
    ...(dataClasses.length > 0 ? { dataClasses } : {}),
    testAccessDays: 7,
  };
}

/** The prefill of a review started by hand from the popup, where no sign-in request was detected. */
export function blankPrefill(): ReviewPrefill {
  return {
    provider: 'generic',
    clientId: '',
    scopes: [],
    offlineAccess: false,
    verdict: 'needs-review',
    risk: 'medium',
    findings: [],
    requestUrl: '',
  };
}

/** True for a review started by hand (nothing was detected). */
export function isBlankPrefill(prefill: ReviewPrefill): boolean {
  return prefill.clientId === '' && prefill.requestUrl === '' && prefill.scopes.length === 0;
}
