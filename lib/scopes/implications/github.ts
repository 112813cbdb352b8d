/**
 * GitHub OAuth app scopes form a documented tree: a parent scope grants every scope listed under it.
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps#available-scopes
 */
import { tableImplications, type ImplicationRow } from './scope-implications';

const SCOPES_PAGE = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps#available-scopes';

export const GITHUB_IMPLICATION_ROWS: readonly ImplicationRow[] = [
  { broader: 'repo', narrower: ['repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events'], source: SCOPES_PAGE },
  { broader: 'admin:repo_hook', narrower: ['write:repo_hook'], source: SCOPES_PAGE },
  { broader: 'write:repo_hook', narrower: ['read:repo_hook'], source: SCOPES_PAGE },
  { broader: 'admin:org', narrower: ['write:org'], source: SCOPES_PAGE },
  { broader: 'write:org', narrower: ['read:org'], source: SCOPES_PAGE },
  { broader: 'admin:public_key', narrower: ['write:public_key'], source: SCOPES_PAGE },
  { broader: 'write:public_key', narrower: ['read:public_key'], source: SCOPES_PAGE },
  { broader: 'admin:gpg_key', narrower: ['write:gpg_key'], source: SCOPES_PAGE },
  { broader: 'write:gpg_key', narrower: ['read:gpg_key'], source: SCOPES_PAGE },
  { broader: 'admin:ssh_signing_key', narrower: ['write:ssh_signing_key'], source: SCOPES_PAGE },
  { broader: 'write:ssh_signing_key', narrower: ['read:ssh_signing_key'], source: SCOPES_PAGE },
  { broader: 'user', narrower: ['read:user', 'user:email', 'user:follow'], source: SCOPES_PAGE },
  { broader: 'project', narrower: ['read:project'], source: SCOPES_PAGE },
  { broader: 'write:discussion', narrower: ['read:discussion'], source: SCOPES_PAGE },
  // write:packages lists read:packages beneath it; delete:packages is its own scope and implies nothing.
  { broader: 'write:packages', narrower: ['read:packages'], source: SCOPES_PAGE },
  { broader: 'admin:enterprise', narrower: ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise'], source: SCOPES_PAGE },
];

export const githubImplications = tableImplications(
  'github',
  "GitHub's documented scope tree: a parent scope covers the scopes listed under it.",
  GITHUB_IMPLICATION_ROWS,
);
