/**
 * Every string the review questionnaire shows, in one place so it can be translated as a unit.
 * Shared labels (statuses, verdicts, risks, providers, data classes) live here too; the popup reuses them.
 */
import type { ProviderId } from '../authorization-request';
import type { RiskLevel, Severity, Verdict } from '../evaluation';
import type { Access, DataClass } from '../scopes/scope-info';
import type { ReviewStatus } from '../storage/records';

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  declined: 'Declined',
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  approved: 'Approved by your company',
  allowed: 'Allowed by the default rules',
  'needs-review': 'Needs a review',
  blocked: 'Blocked',
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
  critical: 'Critical risk',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  info: 'Note',
  warning: 'Warning',
  high: 'High',
  critical: 'Critical',
};

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  google: 'Google',
  microsoft: 'Microsoft',
  github: 'GitHub',
  slack: 'Slack',
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  atlassian: 'Atlassian',
  dropbox: 'Dropbox',
  zoom: 'Zoom',
  box: 'Box',
  okta: 'Okta',
  auth0: 'Auth0',
  gitlab: 'GitLab',
  keycloak: 'Keycloak',
  generic: 'Other sign-in provider',
};

export const ACCESS_LABELS: Record<Access, string> = {
  identity: 'sign-in only',
  read: 'read',
  write: 'change',
  delete: 'delete',
  admin: 'administer',
};

export const DATA_CLASS_LABELS: Record<DataClass, string> = {
  public: 'Public information',
  internal: 'Internal company information',
  customer: 'Customer data',
  payment: 'Payment and financial data',
  health: 'Health data',
  employee: 'Employee data',
  credentials: 'Logins, passwords and keys',
  communications: 'Email, chat and messages',
  files: 'Files and documents',
  'source-code': 'Source code',
  calendar: 'Calendars',
  contacts: 'Contacts',
};

/** One entry per question of lib/review/questionnaire-schema.ts; a test proves none is missing. */
export const QUESTION_TEXT = {
  toolName: { label: 'Tool name', hint: 'The product you want to connect, e.g. "Acme Webinars".' },
  useCase: {
    label: 'What will it do? One sentence.',
    hint: 'Clear: "Sync webinar signups from Acme into our CRM." Too vague: "Help marketing work better."',
  },
  internalSystems: { label: 'Which of our systems will it connect to?', hint: 'e.g. "Salesforce CRM, the marketing Google Drive".' },
  dataFields: {
    label: 'Which data moves? Name the fields.',
    hint: '"Customer data" is too vague. e.g. "contact name, work email, company, lead status".',
  },
  dataClasses: { label: 'What kinds of data are in it?', hint: 'Prefilled from the permissions the app asks for. Tick everything that moves.' },
  accessNeeded: { label: 'Does the tool need to read, write, or both?', hint: 'If it can do its job without changing anything, keep it read-only.' },
  dataCopy: { label: 'Does the tool keep its own copy of our data, or export it?' },
  accountType: {
    label: 'Which account will the connection use?',
    hint: 'A personal login stops working, or keeps too much access, when that person changes jobs or leaves. Prefer a separate service account.',
  },
  accountNote: { label: 'Why a personal login?', hint: 'Say why a service account is not possible, and whose login it is.' },
  secretsLocation: { label: 'Where will its tokens, keys or passwords live?' },
  secretsLocationDetail: { label: 'Where exactly?', hint: 'Keys copied into chats, documents or laptops are hard to track and harder to remove.' },
  secretsRotatable: { label: 'Can we rotate (replace) those secrets without breaking the tool?' },
  owner: { label: 'Owner', hint: 'The one person responsible after launch: credentials, failed syncs, removal when the contract ends.' },
  backupOwner: { label: 'Backup owner', hint: 'Someone else, for holidays and staff changes.' },
  approver: { label: 'Who approves the risk?', hint: 'e.g. the founder, CTO or security lead.' },
  configurer: { label: 'Who sets up the connection?' },
  monitor: { label: 'Who watches it after launch?', hint: 'Failed syncs, unusual data pulls, vendor changes.' },
  requestKind: { label: 'Is this a pilot or a full rollout?' },
  pilotScope: { label: 'Pilot scope', hint: 'Who takes part and how much data, e.g. "3 marketers, 500 test contacts".' },
  testAccessDays: { label: 'Test access ends after', hint: 'An expiry date forces cleanup when a trial stalls.' },
  cutOff: { label: 'How does an admin cut off its access?', hint: 'e.g. "Revoke the app in Google Admin > Security > API controls; takes 2 minutes".' },
  dataDeletion: {
    label: 'How do we get our data deleted at the vendor?',
    hint: 'Deleting the account is not always deleting our data. Say how we ask for the data itself to be erased.',
  },
  vendorOutage: { label: 'What happens if the vendor is down for six hours?' },
  breachRevoker: { label: 'If the vendor is breached, who revokes the tokens?', hint: 'A name or a team that can act the same day.' },
} as const;

export const OPTION_LABELS = {
  accessNeeded: { read: 'Read only', write: 'Write only', 'read-write': 'Read and write' },
  dataCopy: {
    none: 'No: it works on our data in place and keeps no copy',
    'keeps-copy': 'It keeps its own copy',
    exports: 'It exports data to other places',
    'keeps-copy-and-exports': 'Both: it keeps a copy and exports',
    unknown: 'Not known yet (the reviewer will ask the vendor)',
  },
  accountType: { 'service-account': 'A separate service account', 'personal-login': 'My own (or a colleague\u2019s) personal login' },
  secretsLocation: {
    'secret-store': 'Our approved secret store',
    'vendor-only': 'Only at the vendor (sign-in token, nothing on our side)',
    other: 'Somewhere else',
  },
  secretsRotatable: { yes: 'Yes', no: 'No', unknown: 'Not known yet' },
  requestKind: { pilot: 'A pilot or test', production: 'A full rollout' },
  testAccessDays: { '7': '7 days', '14': '14 days' },
  vendorOutage: {
    'no-effect': 'Nothing noticeable',
    'queues-and-retries': 'Jobs queue and retry later',
    'manual-fallback': 'We switch to a manual workaround',
    'work-stops': 'Our work stops until it is back',
  },
} as const;

export const SECTION_TITLES = {
  tool: 'The tool and its job',
  data: 'The data',
  signIn: 'Sign-in and secrets',
  people: 'People',
  rollout: 'Rollout',
  incidents: 'Off switch and incidents',
} as const;

/** Messages for answers that do not pass; written for the requester, not for a developer. */
export const ANSWER_ERRORS = {
  required: 'Please answer this question.',
  choose: 'Please choose one of the options.',
  tooLong: (max: number) => `Please keep this under ${max} characters.`,
  toolName: 'Name the tool you want to connect.',
  useCaseShort: 'Describe what the tool will do in a full sentence, e.g. "Sync webinar signups from Acme into our CRM".',
  useCaseOneSentence: 'Keep the use case to one sentence. Details go in the questions below.',
  placeholder: 'Give a real answer: "n/a" or "TBD" leaves the reviewer guessing. If you do not know yet, say who will find out.',
  dataClasses: 'Tick at least one kind of data. If it is only public information, tick that.',
  accountNote: 'Say why a personal login is needed; it stops working when that person changes jobs.',
  secretsLocationDetail: 'Say where the secrets will be kept.',
  backupSameAsOwner: 'The backup owner must be a different person from the owner.',
  pilotScope: 'Describe who takes part in the pilot and with how much data.',
  testAccessDays: 'Choose when test access ends: 7 or 14 days.',
  deletionIsAccountOnly:
    'Deleting the account is not the same as deleting our data. Say how we ask the vendor to erase the data it holds (a support request, a setting, a contract clause).',
} as const;

export const ACCESS_MISMATCH_TEXT = {
  title: 'Your answer and the requested permissions disagree',
  answerReadScopesWrite: (scopes: string) =>
    `You said the tool only needs to read, but it asks for permissions that can change or delete data: ${scopes}. Ask the vendor for read-only permissions, or change your answer.`,
  answerWriteScopesRead:
    'You said the tool needs to write, but the permissions it asks for only read. Check with the vendor: it may ask for more later, or your answer may be too broad.',
} as const;

export const REVIEW_PAGE_TEXT = {
  documentTitle: 'Integration review \u2013 Consent Gate',
  heading: 'Integration review',
  intro: 'About 10 minutes. Every question needs an answer before you submit; one or two lines each is enough. Your answers save as you type.',
  loading: 'Loading the review\u2026',
  loadFailed: 'This review could not be opened.',
  notFound: 'No review with this id was found. It may have been deleted.',
  requiredMark: '(required)',
  optionalMark: '(optional)',
  submit: 'Submit review',
  submitting: 'Submitting\u2026',
  submitFailed: 'The review could not be submitted. Your answers are still here.',
  notifyFailed: (reason: string) => `The review is saved as submitted, but the extension could not pass it on: ${reason}`,
  errorSummaryTitle: (count: number) => (count === 1 ? 'One answer needs attention' : `${count} answers need attention`),
  readOnlyNotice: 'This review has been decided and can no longer be changed.',
  editAgain: 'Edit answers',
  editAgainNote: 'Editing moves the review back to draft until you submit it again.',
} as const;

export const SAVE_STATUS_TEXT = {
  idle: '',
  pending: 'Unsaved changes',
  saving: 'Saving\u2026',
  saved: 'Saved',
  failed: (reason: string) => `Not saved: ${reason} Your text is still in the form; it will be saved again when you next type.`,
  retry: 'Try saving again',
} as const;

export const PREFILL_TEXT = {
  title: 'What was detected',
  blank: 'Started by hand: no sign-in request was detected, so describe the tool below.',
  app: 'App',
  publisher: 'Publisher',
  provider: 'Sign-in provider',
  clientId: 'Client id',
  verdict: 'Verdict',
  offlineAccess: 'Keeps access when you are away',
  offlineYes: 'Yes: it asks for persistent access (a refresh token)',
  offlineNo: 'No',
  scopes: 'Requested permissions',
  noScopes: 'No permissions were named in the request.',
  findings: 'Findings',
  noFindings: 'No findings.',
  sourcePage: 'Came from',
  requestUrl: 'Sign-in request',
  unknownApp: 'Unknown app',
  dataClasses: 'data',
} as const;

export const RESULT_TEXT = {
  heading: 'Review submitted',
  body: 'Paste it into a ticket or send the file to your reviewer. It stays in the Consent Gate popup.',
  statusLine: (status: string) => `Status: ${status}`,
  copyMarkdown: 'Copy as Markdown',
  copied: 'Copied to the clipboard.',
  copyFailed: (reason: string) => `Could not copy: ${reason} Use "Download Markdown" instead.`,
  downloadMarkdown: 'Download Markdown',
  downloadJson: 'Download JSON',
  emailDraft: 'Send it by email to your reviewers (opens your mail program)',
} as const;

/** Headings and labels of the Markdown export (lib/review/export-markdown.ts). */
export const MARKDOWN_TEXT = {
  title: (app: string) => `Integration review: ${app}`,
  request: 'Request',
  status: 'Status',
  created: 'Created',
  submitted: 'Submitted',
  permissions: 'Requested permissions',
  findings: 'Findings',
  answers: 'Answers',
  notAnswered: '_Not answered_',
  reviewId: 'Review id',
} as const;
