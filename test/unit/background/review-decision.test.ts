import { describe, expect, it } from 'vitest';
import { decideReviewStatus } from '../../../lib/background/review-decision';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import type { PolicyInput } from '../../../lib/policy/schema';
import type { ReviewRecord, ReviewStatus } from '../../../lib/storage/records';
import { samplePrefill } from '../storage/sample-records';
import { GOOGLE_CLIENT, URLS } from './background-harness';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const DRIVE = 'https://www.googleapis.com/auth/drive';

function review(status: ReviewStatus, requestUrl: string = URLS.googleDrive): ReviewRecord {
  return { id: 'r', status, createdAt: '', updatedAt: '', prefill: samplePrefill({ clientId: GOOGLE_CLIENT, requestUrl }), answers: {} };
}

const approve = (extra: object = {}): PolicyInput => ({
  approvedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT, scopes: [DRIVE], ...extra }],
});

describe('decideReviewStatus', () => {
  it.each<[string, ReviewStatus, PolicyInput, ReviewStatus | undefined, string?]>([
    ['approved for the scopes reviewed', 'submitted', approve(), 'approved'],
    ['blocked by client id', 'submitted', { blockedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT }] }, 'declined'],
    ['every unapproved google client blocked', 'submitted', { blockedIntegrations: [{ provider: 'google', clientId: '*' }] }, 'declined'],
    ['not yet decided', 'submitted', {}, undefined],
    ['approved for fewer scopes than reviewed', 'submitted', { approvedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT, scopes: ['openid'] }] }, undefined],
    ['an approval that already expired', 'submitted', approve({ approvedOn: '2026-01-01', expiresOn: '2026-02-01' }), undefined],
    ['approved for another host', 'submitted', approve({ host: 'accounts.google.example' }), undefined],
    ['a draft, even when approved', 'draft', approve(), undefined],
    ['an approved review whose app is now blocked', 'approved', { blockedIntegrations: [{ provider: 'google', clientId: GOOGLE_CLIENT }] }, 'declined'],
    ['a declined review whose app is now approved', 'declined', approve(), 'approved'],
    ['a request URL that no longer parses', 'submitted', approve(), undefined, 'https://notes.example/not-oauth'],
  ])('%s', (_name, status, policy, expected, requestUrl) => {
    expect(decideReviewStatus(review(status, requestUrl), compilePolicy(policy as never), NOW)).toBe(expected);
  });
});
