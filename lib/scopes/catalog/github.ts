/**
 * GitHub OAuth app scopes, hand-written from https://docs.github.com/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
 * (GitHub publishes no machine-readable list). `repo` covers private repositories of every organisation you belong to.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['read:user', 'i//o', 'See your GitHub profile.'],
  ['user:email', 'i//o', 'See the email addresses on your GitHub account.'],
  ['user:follow', 'w/e/o', 'Follow and unfollow people as you.'],
  ['user', 'rw/e/o', 'See and change your GitHub profile, including private email addresses.'],
  // GitHub: `repo` also manages collaborators, team memberships and webhooks of organisation-owned repositories.
  ['repo', 'rwda/se/g', 'Read and change all code and settings in every repository you can reach, private ones included, and manage their collaborators, teams and webhooks.'],
  ['repo:status', 'rw/s/s', 'See and set commit statuses in your repositories, without reading the code.'],
  ['repo_deployment', 'rw/s/s', 'See and create deployments of your repositories, without reading the code.'],
  ['public_repo', 'rwd/sp/s', 'Read and change code, issues and settings in public repositories, and star them.'],
  ['repo:invite', 'rw/e/o', 'Accept and decline invitations to work on repositories.'],
  ['security_events', 'rw/s/s', 'See and dismiss security alerts in your repositories.'],
  ['admin:repo_hook', 'rwd/sk/s', 'Create, change and delete webhooks that send your repository activity elsewhere.'],
  ['write:repo_hook', 'rw/sk/s', 'Create and change repository webhooks.'],
  ['read:repo_hook', 'r/s/s', 'See repository webhooks.'],
  ['admin:org', 'rwda/ek/g', 'Fully manage your organisations on GitHub: members, teams, settings and access.'],
  ['write:org', 'rwa/e/g', 'Change organisation memberships and team settings.'],
  ['read:org', 'r/e/g', 'See your organisations, teams and who is in them.'],
  ['admin:public_key', 'rwd/k/o', 'Add and delete the SSH keys that can push to your repositories.'],
  ['write:public_key', 'rw/k/o', 'Add SSH keys to your account.'],
  ['read:public_key', 'r/k/o', 'See your SSH public keys.'],
  ['admin:org_hook', 'rwda/k/g', 'Create, change and delete webhooks on your organisations.'],
  ['gist', 'rwd/s/o', 'Create, change and delete your gists.'],
  ['notifications', 'rw/n/o', 'Read your GitHub notifications and mark them as read.'],
  ['project', 'rwd/n/s', 'Create, change and delete your projects and organisation projects.'],
  ['read:project', 'r/n/s', 'See your projects and organisation projects.'],
  ['delete_repo', 'da/s/s', 'Delete repositories you administer.'],
  ['write:packages', 'rw/s/s', 'Publish packages to GitHub Packages.'],
  ['read:packages', 'r/s/s', 'Download packages from GitHub Packages.'],
  ['delete:packages', 'd/s/s', 'Delete packages from GitHub Packages.'],
  ['admin:gpg_key', 'rwd/k/o', 'Add and delete the GPG keys on your account.'],
  ['write:gpg_key', 'rw/k/o', 'Add GPG keys to your account.'],
  ['read:gpg_key', 'r/k/o', 'See your GPG keys.'],
  ['admin:ssh_signing_key', 'rwd/k/o', 'Add and delete your SSH signing keys.'],
  ['write:ssh_signing_key', 'rw/k/o', 'Add SSH signing keys to your account.'],
  ['read:ssh_signing_key', 'r/k/o', 'See your SSH signing keys.'],
  ['codespace', 'rwd/sk/o', 'Create, run and delete your codespaces, with their secrets.'],
  ['codespace:secrets', 'rwd/k/o', 'Create, change and delete the secrets your codespaces use.'],
  ['workflow', 'rw/sk/s', 'Change the GitHub Actions workflows that run with your repositories\' secrets.'],
  ['admin:enterprise', 'rwda/ek/g', 'Fully manage your GitHub enterprise: organisations, members, billing and settings.'],
  ['manage_runners:enterprise', 'rwda/s/g', 'Manage the machines that run your enterprise\'s workflows.'],
  ['manage_billing:enterprise', 'rwa/$/g', "Read and change your enterprise's billing."],
  ['read:enterprise', 'r/e/g', 'See your enterprise and its organisations.'],
  ['audit_log', 'rwa/ek/g', "Read and stream your enterprise's audit log."],
  ['read:audit_log', 'r/ek/g', "Read your enterprise's audit log."],
  ['copilot', 'rwa/n/g', 'Manage GitHub Copilot settings for your organisations.'],
  ['manage_billing:copilot', 'rwa/$/g', 'Manage GitHub Copilot billing and seats.'],
  ['write:discussion', 'rw/m/s', 'Post and change team discussions as you.'],
  ['read:discussion', 'r/m/s', 'Read team discussions.'],
  // GitHub Enterprise Server only: the instance's site administrator endpoints, over every organisation and user on it.
  ['site_admin', 'rwda/ek/g', 'Administer the whole GitHub Enterprise Server: every organisation, user and setting on it.'],
];

export const githubCatalog: ProviderCatalog = { id: 'github', entries: CURATED, usesOidc: false };
