import { approvalCoversHiddenGrant, unapprovedResources } from './shared/hidden-grants';
import { defineRule, NO_FINDINGS, type RuleFinding } from './shared/rule';
import { listQuoted, listScopes } from './shared/scope-facts';

/** Microsoft's `.default`: every permission configured on the app for that resource, whatever it is. */
const DEFAULT_SCOPE = /(^|\/)\.default$/i;

export const hiddenScopes = defineRule({
  id: 'hidden-scopes',
  title: 'Scopes the address does not show',
  description:
    'Some requests get more than the scopes in their address: a pushed or signed request (PAR, JAR) carries its real scopes elsewhere, Microsoft\'s v1 endpoint and ".default" grant whatever the app was set up with, and admin consent grants it for everyone. Such a request needs a review unless its approval names exactly that.',
  defaultAction: 'review',
  defaultOptions: {},
  evaluate({ request, approval, hiddenGrants, unapprovedScopes }) {
    let findings: RuleFinding[] | undefined;
    for (const grant of hiddenGrants) {
      if (approvalCoversHiddenGrant(grant, approval)) continue;
      switch (grant.kind) {
        case 'request-object': {
          const how = grant.parameters.includes('request_uri')
            ? 'was sent to the sign-in server ahead of time (a pushed request)'
            : 'carries a sealed request object';
          (findings ??= []).push({
            severity: 'high',
            message: `This request ${how}, so the access it really asks for is not in the address: the scopes shown here prove nothing. It needs a review unless your company approved this app to sign in this way.`,
          });
          break;
        }
        case 'v1-resource': {
          const missing = unapprovedResources(grant.resources, approval);
          const where = missing.length === 0 ? '' : ` on ${listQuoted(missing)}`;
          (findings ??= []).push({
            severity: 'high',
            message: `This app uses Microsoft's older sign-in endpoint, which ignores the scopes in the address and asks for every permission the app was set up with${where}. Nobody can tell from here what that includes, so it needs a review.`,
          });
          break;
        }
        case 'admin-consent':
          // The /adminconsent endpoint is the admin-scopes rule's; this is the same grant asked on the ordinary
          // sign-in page with prompt=admin_consent.
          if (request.endpoint === 'authorize') {
            (findings ??= []).push({
              severity: 'high',
              message:
                'This page asks an administrator to approve the app for everyone in the organisation, not only for you.',
            });
          }
          break;
        case 'conflicting-parameters':
          (findings ??= []).push({
            severity: 'high',
            message: `This address gives ${grant.parameters.map((name) => `"${name}"`).join(', ')} more than once, with different values. The sign-in server may act on another value than the one checked here (another app, or another place the access goes), so it needs a review.`,
          });
          break;
      }
    }
    // `.default` is every pre-configured permission: an approval of narrower scopes does not cover it, and only an
    // approval that lists that very `.default` does (lib/policy/scope-key.ts compares them).
    const everything: string[] = [];
    for (const info of unapprovedScopes) if (DEFAULT_SCOPE.test(info.scope)) everything.push(info.scope);
    if (everything.length > 0) {
      (findings ??= []).push({
        severity: 'high',
        scopes: everything,
        message: `This app asks for ${listScopes(request.provider, everything)}: every permission it was set up with, which the address does not list. Its reach is unknown, so it needs a review.`,
      });
    }
    return findings ?? NO_FINDINGS;
  },
});
