/**
 * Every user-facing string of the consent-screen overlay, in one place, ready for translation.
 * Values that depend on data are functions; callers pass page-controlled text as plain strings and the overlay
 * renders the result as text nodes only.
 */
import type { PageFactField, Severity, Verdict } from '../evaluation';

export const overlayStrings = {
  productName: 'Consent Gate',
  /** Heading prefix when the policy names the organization. */
  checkedBy: (organization: string) => `${organization} security check`,
  unknownApp: 'This app',
  clientIdLabel: 'Client ID',
  providerLabel: 'Provider',

  verdictTitle: {
    approved: 'Approved app',
    allowed: 'Allowed by policy',
    'needs-review': 'This app needs a security review',
    blocked: 'This app is blocked',
  } satisfies Record<Verdict, string>,

  approvedBy: (organization: string, app: string) => `Approved by ${organization}: ${app}`,
  allowedBy: (organization: string, app: string) => `Allowed by ${organization} policy: ${app}`,
  defaultOrganization: 'your organization',

  bannerSummary: (app: string) => `${app} asks for access that your organization wants reviewed before anyone connects it.`,
  panelSummary: (app: string) =>
    `${app} asks for access to company data. Check what it can do before you continue, or start a review.`,
  blockedSummary: (app: string) =>
    `${app} cannot be connected until it has been reviewed and approved. Request a review, or go back.`,
  blockedByListSummary: (app: string) => `Your organization has blocked ${app}. Request a review if you need it for your work.`,

  asksForHeading: 'What the app asks for',
  pageListsHeading: 'What the consent screen lists',
  noScopes: 'The request names no permissions beyond signing you in.',
  offlineAccess: 'It keeps access when you are not using it (offline access).',
  exactScopes: 'Exact scopes requested',
  findingsHeading: 'Why this needs attention',
  noFindings: 'No specific issues found.',
  severityLabel: {
    info: 'Note',
    warning: 'Warning',
    high: 'High risk',
    critical: 'Critical',
  } satisfies Record<Severity, string>,
  riskLabel: (risk: string) => `Risk: ${risk}`,

  lookalikeAppTitle: 'Look-alike app',
  lookalikeHostTitle: 'Look-alike sign-in page',
  lookalikeWarning:
    'This may be an imitation. Do not continue unless you are sure who built it.',

  /** Where each fact came from, when the sign-in address, the policy and the page do not tell the same story. */
  factSources: {
    heading: 'Where this comes from',
    namesDiffer: (pageName: string, approvedName: string) =>
      `This page calls the app "${pageName}". Your organization approved the client ID in the sign-in address as "${approvedName}".`,
    pageName: (pageName: string) => `App name: "${pageName}" (as shown on this page; not on your organization's approved list).`,
    publisherShown: (publisher: string) => `Publisher: ${publisher} (as shown on this page).`,
    publisherVerified: (publisher: string) => `Publisher: ${publisher}, verified by the provider (as shown on this page).`,
    publisherUnverified: (publisher: string) => `Publisher: ${publisher}, not verified by the provider (as shown on this page).`,
    publisherNotShown: 'Publisher: not shown on this page.',
    unverifiedNoPublisher: 'The provider says it has not verified this app (as shown on this page).',
    notShown: (fields: string) => `Not shown on this page: ${fields}.`,
    fieldNames: {
      appName: 'app name',
      publisher: 'publisher',
      verified: 'verification status',
      scopeDescriptions: 'permission list',
      account: 'signed-in account',
    } satisfies Record<PageFactField, string>,
  },

  startReview: 'Start review',
  continueAnyway: 'Continue anyway',
  cancel: 'Cancel',
  requestReview: 'Request review',
  dismiss: 'Dismiss',
  dismissLabel: 'Dismiss this notice',

  reasonLabel: 'Why do you need to continue without a review?',
  reasonHint: (minimum: number) => `Required. At least ${minimum} characters; your reason is logged for the security team.`,
  reasonTooShort: (minimum: number) => `Please give a reason of at least ${minimum} characters.`,

  continuedPill: (app: string) => `Continued without review: ${app}`,
  reviewStarted: 'Review request opened in a new tab. You can come back here when it is approved.',
  reviewRequested: 'Review requested. You will hear back from your security team.',
  cancelling: 'Leaving this page…',
  actionFailed: (reason: string) => `That did not work: ${reason}`,
  checkFailed: (reason: string) => `Consent Gate could not check this request: ${reason}`,

  supportPrefix: 'Questions? Contact',
  supportLink: 'Support',
} as const;

export type OverlayStrings = typeof overlayStrings;
