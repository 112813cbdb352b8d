import { describe, expect, it } from 'vitest';
import { blankPrefill, initialAnswers, isBlankPrefill } from '../../../lib/review/initial-answers';
import { googlePrefill } from './review-fixtures';

describe('initialAnswers', () => {
  it.each([
    ['app name and data classes from the scopes', googlePrefill(), { toolName: 'Acme Webinars', dataClasses: ['customer', 'contacts'], testAccessDays: 7 }],
    ['no app name shown', googlePrefill({ appName: '  ' }), { dataClasses: ['customer', 'contacts'], testAccessDays: 7 }],
    ['sign-in only', googlePrefill({ scopes: [{ scope: 'openid', description: 'Sign in', access: ['identity'], dataClasses: [] }] }), { toolName: 'Acme Webinars', testAccessDays: 7 }],
    ['an unknown data class is ignored', googlePrefill({ scopes: [{ scope: 'x', description: 'x', access: ['read'], dataClasses: ['bogus', 'files'] }] }), { toolName: 'Acme Webinars', dataClasses: ['files'], testAccessDays: 7 }],
    ['a blank review', blankPrefill(), { testAccessDays: 7 }],
  ])('%s', (_name, prefill, expected) => {
    expect(initialAnswers(prefill)).toEqual(expected);
  });

  it('tells a hand-started review from a detected one', () => {
    expect(isBlankPrefill(blankPrefill())).toBe(true);
    expect(isBlankPrefill(googlePrefill())).toBe(false);
  });
});
