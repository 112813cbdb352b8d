/**
 * Every rule, in the order their findings are reported. One explicit list: a test proves each file in this
 * folder is here, and that the policy schema has settings for each (lib/policy/schema.ts).
 */
import type { RuleId } from '../policy/schema';
import { adminScopes } from './admin-scopes';
import { approvalExpired } from './approval-expired';
import { blockedClient } from './blocked-client';
import { consentfix } from './consentfix';
import { hiddenScopes } from './hidden-scopes';
import { insecureRedirectUri } from './insecure-redirect-uri';
import { lookAlikeApp } from './look-alike-app';
import { lookAlikeHost } from './look-alike-host';
import { narrowScopes } from './narrow-scopes';
import { notApproved } from './not-approved';
import { offlineAccess } from './offline-access';
import { parameterFlood } from './parameter-flood';
import { pilotWithoutExpiry } from './pilot-without-expiry';
import { readOnlyUnlessJustified } from './read-only-unless-justified';
import { reviewDatePassed } from './review-date-passed';
import { scopeCreep } from './scope-creep';
import { sensitiveData } from './sensitive-data';
import type { Rule } from './shared/rule';
import { unverifiedPublisher } from './unverified-publisher';

export const RULES: readonly Rule<RuleId>[] = [
  blockedClient,
  lookAlikeHost,
  lookAlikeApp,
  consentfix,
  parameterFlood,
  hiddenScopes,
  approvalExpired,
  scopeCreep,
  notApproved,
  adminScopes,
  readOnlyUnlessJustified,
  sensitiveData,
  offlineAccess,
  narrowScopes,
  insecureRedirectUri,
  unverifiedPublisher,
  reviewDatePassed,
  pilotWithoutExpiry,
];

export type { Rule, RuleContext, RuleFinding } from './shared/rule';
