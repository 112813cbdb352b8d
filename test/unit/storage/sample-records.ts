import type { ConsentEvent, ReviewPrefill } from '../../../lib/storage/records';

export function samplePrefill(overrides: Partial<ReviewPrefill> = {}): ReviewPrefill {
  return {
    provider: 'google',
    clientId: '1234.apps.googleusercontent.com',
    appName: 'Acme Notes',
    scopes: [
      {
        scope: 'https://www.googleapis.com/auth/drive',
        description: 'See, edit, create and delete all your Google Drive files',
        access: ['read', 'write', 'delete'],
        dataClasses: ['files'],
      },
    ],
    offlineAccess: true,
    verdict: 'needs-review',
    risk: 'high',
    findings: [{ rule: 'sensitive-data', severity: 'high', message: 'Reads all your files.' }],
    requestUrl: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=1234.apps.googleusercontent.com&scope=drive',
    redirectUri: 'https://notes.example/callback',
    sourceUrl: 'https://notes.example/settings',
    ...overrides,
  };
}

export function sampleEvent(overrides: Partial<ConsentEvent> = {}): Omit<ConsentEvent, 'id'> {
  return {
    at: '2026-03-01T10:00:00.000Z',
    provider: 'google',
    clientId: '1234.apps.googleusercontent.com',
    host: 'accounts.google.com',
    scopes: ['openid'],
    verdict: 'allowed',
    risk: 'low',
    enforcement: 'warn',
    action: 'shown',
    rules: [],
    ...overrides,
  };
}
