import { defineRule, NO_FINDINGS, type RuleFinding } from './shared/rule';
import { scopeRisk } from '../scopes/scope-risk';
import { listScopes } from './shared/scope-facts';

export const adminScopes = defineRule({
  id: 'admin-scopes',
  title: 'No admin scopes',
  description:
    'Scopes that administer the account or change data across the whole organisation, and admin consent for every user, need a review before any tool gets them.',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ request, unapprovedScopes, approval }) {
    // Lists built only when needed: this runs on every request, and nearly all ask for no admin scope.
    let findings: RuleFinding[] | undefined;
    let admin: string[] | undefined;
    // A critical scope is exactly administration or organisation-wide change: lib/scopes/scope-risk.ts decides it.
    for (const info of unapprovedScopes) if (scopeRisk(info) === 'critical') (admin ??= []).push(info.scope);
    if (admin !== undefined) {
      findings = [
        {
          severity: 'critical',
          scopes: admin,
          message: `This app asks for administrator or organisation-wide control (${listScopes(request.provider, admin)}): it could change settings, users or data for everyone in the company.`,
        },
      ];
    }
    // Microsoft's /adminconsent grants every permission the app was configured with, for every user in the tenant.
    // https://learn.microsoft.com/en-us/entra/identity-platform/v2-admin-consent
    if (request.endpoint === 'admin-consent' && approval === undefined) {
      (findings ??= []).push({
        severity: 'critical',
        message:
          'This page asks an administrator to approve the app for the whole organisation, with every permission the app was set up with, not only the ones listed here.',
      });
    }
    return findings ?? NO_FINDINGS;
  },
});
