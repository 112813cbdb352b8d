import type { ReviewPrefill, ReviewRecord } from '../../../lib/storage/records';
import type { SubmittedAnswers } from '../../../lib/review/questionnaire-schema';

export function googlePrefill(overrides: Partial<ReviewPrefill> = {}): ReviewPrefill {
  return {
    provider: 'google',
    clientId: '1234-abc.apps.googleusercontent.com',
    appName: 'Acme Webinars',
    publisher: 'acme.example',
    scopes: [
      { scope: 'openid', description: 'Sign you in', access: ['identity'], dataClasses: [] },
      {
        scope: 'https://www.googleapis.com/auth/contacts',
        description: 'See, edit, download and permanently delete your contacts',
        access: ['read', 'write', 'delete'],
        dataClasses: ['contacts', 'customer'],
      },
    ],
    offlineAccess: true,
    verdict: 'needs-review',
    risk: 'high',
    findings: [{ rule: 'read-only-by-default', severity: 'high', message: 'Asks to change and delete contacts.' }],
    requestUrl: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=1234-abc.apps.googleusercontent.com&scope=openid',
    sourceUrl: 'https://app.acme.example/settings/integrations',
    ...overrides,
  };
}

export function readOnlyPrefill(): ReviewPrefill {
  return googlePrefill({
    scopes: [{ scope: 'https://www.googleapis.com/auth/contacts.readonly', description: 'See your contacts', access: ['read'], dataClasses: ['contacts'] }],
  });
}

export function validAnswers(overrides: Partial<Record<keyof SubmittedAnswers, unknown>> = {}): Record<string, unknown> {
  return {
    toolName: 'Acme Webinars',
    useCase: 'Sync webinar signups from Acme into our CRM.',
    internalSystems: 'Google Contacts, Salesforce CRM',
    dataFields: 'Contact name, work email, company, lead status',
    dataClasses: ['contacts', 'customer'],
    accessNeeded: 'read',
    dataCopy: 'keeps-copy',
    accountType: 'service-account',
    secretsLocation: 'vendor-only',
    secretsRotatable: 'yes',
    owner: 'Dana Ops',
    backupOwner: 'Lee Sales',
    approver: 'Sam CTO',
    configurer: 'Ari Engineer',
    monitor: 'Dana Ops',
    requestKind: 'pilot',
    pilotScope: '3 marketers, 500 test contacts',
    testAccessDays: 14,
    cutOff: 'Revoke the app in Google Admin > Security > API controls.',
    dataDeletion: 'Email privacy@acme.example asking to erase our data under the DPA.',
    vendorOutage: 'queues-and-retries',
    breachRevoker: 'Security on-call (Sam CTO)',
    ...overrides,
  };
}

export function reviewRecord(overrides: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    id: 'rev-1',
    status: 'draft',
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:05:00.000Z',
    prefill: googlePrefill(),
    answers: {},
    ...overrides,
  };
}
