/**
 * The policy an admin writes: the one source of truth for its TypeScript types, its validation, the JSON Schema
 * editors use (lib/policy/policy.schema.json) and, later, Chrome's `managed_schema`. Keep every node expressible in
 * plain JSON Schema: no transforms, no preprocessors, no defaults that change the shape.
 */
import { z } from 'zod';
import { PROVIDER_IDS } from '../authorization-request';
import { DATA_CLASSES } from '../scopes/scope-info';

export const POLICY_SCHEMA_VERSION = 1;

export const ENFORCEMENT_MODES = ['off', 'monitor', 'inform', 'warn', 'acknowledge', 'block'] as const;
export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];

export const RULE_ACTIONS = ['off', 'inform', 'review', 'block'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

export const INTEGRATION_KINDS = ['production', 'pilot', 'exception'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** Blocks every client of a provider that is not on the approved list. Only valid in `blockedIntegrations`. */
export const ANY_CLIENT = '*';

/**
 * `YYYY-MM-DD` with a real calendar day: zod's ISO date pattern knows month lengths and leap years, so
 * `2026-02-30` fails here and in any editor that reads the generated JSON Schema's `pattern`.
 */
const isoDate = (description: string) => z.iso.date().describe(description);

// Checks are kept to what matters: each zod check costs about a microsecond per value, and a policy may hold
// 10,000 integrations that must load in well under 50 ms.
const text = (description: string) => z.string().min(1).describe(description);

/** An http(s) address: links shown on the overlay must never be `javascript:` or `data:`. */
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
const webLink = (description: string) =>
  z.string().regex(HTTP_URL).meta({ format: 'uri' }).describe(description);

const providerId = z.enum(PROVIDER_IDS).describe('The identity provider, as Consent Gate names it (google, microsoft, github, ...).');

export const ApprovedIntegrationSchema = z
  .strictObject({
    name: text('The app name shown on the consent screen; also used to spot look-alike apps.').optional(),
    provider: providerId,
    clientId: text('The OAuth client id, exactly as in the authorization URL\'s client_id parameter.'),
    host: text(
      'Only match requests to this authorization host. Required for keycloak and generic, and for self-managed gitlab (without it a gitlab approval matches gitlab.com only): anyone can run such a server with the same client id. Recommended for okta and auth0.',
    ).optional(),
    scopes: z
      .array(text('One approved scope, as the app requests it.'))
      .describe('Every scope the app may request. Anything more is scope creep and needs a new review. For Slack, the bot scopes (the scope parameter).'),
    userScopes: z
      .array(text('One approved Slack user scope.'))
      .describe('Slack only: the scopes the app may request as the employee (user_scope). A scope approved in scopes (the bot token) is not approved here.')
      .optional(),
    resources: z
      .array(text('One API the app may ask consent for, as in the resource parameter (e.g. https://graph.microsoft.com).'))
      .describe('Microsoft v1 endpoint (/oauth2/authorize with resource=): the resources the app may ask for. That endpoint ignores scope and grants every permission the app has configured on the resource, so a v1 request is approved only for a resource listed here.')
      .optional(),
    allowRequestObjects: z
      .boolean()
      .describe('Allow this app to send its request pushed ahead (request_uri, RFC 9126) or as a signed request object (request, RFC 9101). Their real scopes are not in the URL, so Consent Gate cannot check them; set true only when the app is known to do so.')
      .optional(),
    kind: z
      .enum(INTEGRATION_KINDS)
      .describe('production (default), pilot (test access, short expiry) or exception (a temporary workaround).')
      .optional(),
    owner: text('Who owns the connection, its tokens and settings.').optional(),
    backupOwner: text('Who takes over when the owner is away.').optional(),
    approvedBy: text('Who approved the integration.').optional(),
    approvedOn: isoDate('The day of the approval (YYYY-MM-DD).').optional(),
    reviewBy: isoDate('The day by which the integration is checked again (YYYY-MM-DD).').optional(),
    expiresOn: isoDate('The last day the approval is valid (YYYY-MM-DD).').optional(),
    dataClasses: z.array(z.enum(DATA_CLASSES)).describe('The kinds of data the integration may touch.').optional(),
    shutdown: text('How to cut off access and have the vendor delete its copy of the data.').optional(),
    decisionUrl: webLink('A link to the written decision (ticket, document).').optional(),
    notes: text('Anything else reviewers should know: limits, pilot size, conditions.').optional(),
  })
  .describe('An integration the company reviewed and approved.');
export type ApprovedIntegration = z.infer<typeof ApprovedIntegrationSchema>;

export const BlockedIntegrationSchema = z
  .strictObject({
    provider: providerId,
    clientId: text(`The OAuth client id to block, or "${ANY_CLIENT}" for every client of this provider that is not approved.`),
    name: text('The app name, for people reading the policy.').optional(),
    reason: text('Why it is blocked; shown to the employee.').optional(),
    decisionUrl: webLink('A link to the written decision (ticket, document).').optional(),
  })
  .describe('An integration nobody may connect.');
export type BlockedIntegration = z.infer<typeof BlockedIntegrationSchema>;

const action = z
  .enum(RULE_ACTIONS)
  .describe('off: skip the rule; inform: show the finding; review: the request needs a review; block: refuse it.')
  .optional();

const days = (description: string) => z.int().min(1).max(3650).describe(description).optional();

/** Settings of each rule, keyed by rule id (the rule's file name in lib/rules/). A test proves both lists agree. */
export const RuleSettingsSchemas = {
  'read-only-unless-justified': z.strictObject({ action }),
  'narrow-scopes': z.strictObject({
    action,
    maxDataClasses: z.int().min(1).max(DATA_CLASSES.length).describe('Most data classes one unapproved request may touch (default 3).').optional(),
    maxSystems: z.int().min(1).max(50).describe('Most distinct systems (mail, files, calendar, ...) one unapproved request may touch (default 3).').optional(),
  }),
  'admin-scopes': z.strictObject({ action }),
  'offline-access': z.strictObject({ action }),
  'sensitive-data': z.strictObject({
    action,
    dataClasses: z.array(z.enum(DATA_CLASSES)).describe('The data classes that need a review (default: customer, payment, health, employee, credentials, communications, files, source-code, contacts).').optional(),
  }),
  'not-approved': z.strictObject({ action }),
  'scope-creep': z.strictObject({ action }),
  'approval-expired': z.strictObject({ action }),
  'review-date-passed': z.strictObject({ action }),
  'blocked-client': z.strictObject({ action }),
  'look-alike-host': z.strictObject({ action }),
  'look-alike-app': z.strictObject({ action }),
  'unverified-publisher': z.strictObject({ action }),
  'insecure-redirect-uri': z.strictObject({ action }),
  consentfix: z.strictObject({ action }),
  'parameter-flood': z.strictObject({ action }),
  'hidden-scopes': z.strictObject({ action }),
  'pilot-without-expiry': z.strictObject({
    action,
    pilotMaxDays: days('Longest a pilot approval may run, approval day to expiry (default 14).'),
    exceptionMaxDays: days('Longest an exception may run, approval day to expiry (default 90).'),
  }),
} as const;
export type RuleId = keyof typeof RuleSettingsSchemas;
export const RULE_IDS = Object.keys(RuleSettingsSchemas) as RuleId[];
export type RuleSettings<Id extends RuleId> = z.infer<(typeof RuleSettingsSchemas)[Id]>;

const RulesSchema = z
  .strictObject(
    Object.fromEntries(RULE_IDS.map((id) => [id, RuleSettingsSchemas[id].optional()])) as {
      [Id in RuleId]: z.ZodOptional<(typeof RuleSettingsSchemas)[Id]>;
    },
  )
  .describe('Per-rule settings; a rule left out keeps its default.');

export const OrganizationSchema = z
  .strictObject({
    name: text('The company name shown on the overlay.'),
    supportContact: text('Who employees ask (an email address or a team name).').optional(),
    supportUrl: webLink('A help page for employees.').optional(),
    reviewUrl: webLink('Where employees request a review (a form or ticket page).').optional(),
  })
  .describe('Branding for the overlay.');

/** An https address only: config and webhook endpoints carry policy and reports, never over plain http. */
const HTTPS_URL = /^https:\/\/[^\s/?#]+[^\s]*$/i;
const httpsLink = (description: string) =>
  z.string().regex(HTTPS_URL, 'must be an https:// address').meta({ format: 'uri' }).describe(description);

/** Fields of a consent event sent to the reporting webhook beyond the minimum (lib/reporting/event-payload.ts). */
export const REPORTED_EVENT_FIELDS = ['scopes', 'appName', 'host', 'reason'] as const;

export const ReportingSchema = z
  .strictObject({
    webhookUrl: httpsLink('Where consent events are POSTed as JSON (format consent-gate/events, version 1). The endpoint must allow CORS from the extension.'),
    include: z
      .array(z.enum(REPORTED_EVENT_FIELDS))
      .describe('Optional event fields to send: scopes, appName, host, reason. Provider, client id, verdict, risk, action and rule ids are always sent; tokens and page content never.')
      .optional(),
  })
  .describe('Reporting of consent events to an admin webhook. Events are queued while offline and retried.');

export const ReviewIntakeSchema = z
  .strictObject({
    webhookUrl: httpsLink('A JSON webhook that receives each submitted review (format consent-gate/review, version 1).').optional(),
    slackWebhookUrl: httpsLink('A Slack incoming-webhook URL that gets a short message per submitted review.').optional(),
    email: z.email().describe('An address that gets an email draft (mailto:) with the review as Markdown.').optional(),
    formUrl: httpsLink('A form that opens with prefilled fields after a review is submitted.').optional(),
    formFields: z
      .record(z.string(), z.string())
      .describe('Form field names keyed by review field (appName, provider, clientId, scopes, risk, verdict, or a question id such as useCase).')
      .optional(),
  })
  .describe('Where submitted reviews go. They are always kept in the browser as well.');

export const RemindersSchema = z
  .strictObject({
    expiryWarningDays: z.int().min(1).max(90).describe('Warn this many days before an approval or pilot expires (default 7).').optional(),
    draftReminderDays: z.int().min(1).max(60).describe('Remind about a review draft left unfinished this many days (default 2).').optional(),
  })
  .describe('Browser notifications about expiring approvals, passed review dates and unfinished drafts.');

/**
 * Where managed or remote policy exists, a local file is a way around it: its approvals would approve apps and its
 * destinations would send reports and reviews elsewhere. Both are ignored unless managed policy allows them here.
 */
export const LocalPolicyPermissionsSchema = z
  .strictObject({
    allowApprovals: z.boolean().describe('Whether a local policy file may add approved integrations (default false).').optional(),
    allowDestinations: z
      .boolean()
      .describe('Whether a local policy file may set where reports and reviews go: reporting and reviewIntake (default false).')
      .optional(),
  })
  .describe('Set in managed policy only: what an imported local policy file may still set where managed or remote policy exists.');

export const PolicySchema = z
  .strictObject({
    $schema: z.string().describe('The JSON Schema this file follows, for editors.').optional(),
    schemaVersion: z.literal(POLICY_SCHEMA_VERSION).describe('The policy format version; 1 today.').optional(),
    organization: OrganizationSchema.optional(),
    enforcement: z
      .enum(ENFORCEMENT_MODES)
      .describe('How strict the overlay is: off, monitor (log only), inform, warn (default), acknowledge (continuing needs a reason), block.')
      .optional(),
    approvedIntegrations: z.array(ApprovedIntegrationSchema).describe('Integrations the company approved.').optional(),
    blockedIntegrations: z.array(BlockedIntegrationSchema).describe('Integrations nobody may connect.').optional(),
    rules: RulesSchema.optional(),
    configUrl: httpsLink('A signed remote config (see `consent-gate sign`) fetched on a schedule. Set it in managed policy together with configPublicKey.').optional(),
    configPublicKey: z
      .string()
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the base64 public key printed by `consent-gate keygen`')
      .describe('The pinned public key (base64 SPKI, ECDSA P-256) that signed remote configs must verify against.')
      .optional(),
    configRefreshMinutes: z.int().min(5).max(1440).describe('How often to check the remote config, in minutes (default 60), with random jitter.').optional(),
    allowLocalPolicy: z.boolean().describe('Whether people may import a local policy file on the options page (default true; set false in managed policy to lock it).').optional(),
    localPolicy: LocalPolicyPermissionsSchema.optional(),
    reporting: ReportingSchema.optional(),
    reviewIntake: ReviewIntakeSchema.optional(),
    reminders: RemindersSchema.optional(),
  })
  .describe('Consent Gate policy: approved and blocked integrations, enforcement mode and rule settings.');

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
