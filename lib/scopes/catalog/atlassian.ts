/**
 * Atlassian Cloud (Jira, Confluence, Jira Service Management, Bitbucket via Forge) OAuth 2.0 (3LO) scopes, classic
 * and granular. Reference: https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/
 * A grant reaches what you can see on the site, so most scopes are "shared"; manage/admin scopes change the site.
 */
import { ATLASSIAN_GENERATED } from '../generated/atlassian';
import type { CatalogEntry } from '../scope-code';
import { withOverrides, type ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['read:me', 'i//o', 'See your Atlassian profile: name, email address and picture.'],
  ['read:account', 'r/e/o', 'See the details of Atlassian accounts, such as name and email address.'],
  ['read:jira-work', 'r/n/s', 'Read all Jira projects and issues you can see, with comments and attachments.'],
  ['write:jira-work', 'rw/n/s', 'Create and change Jira issues, comments and attachments as you.'],
  ['read:jira-user', 'r/e/g', 'See the names and details of people on your Jira site.'],
  ['manage:jira-project', 'rwda/n/g', 'Create, change and delete Jira projects and their settings.'],
  ['manage:jira-configuration', 'rwda/n/g', 'Change how your Jira site is set up: workflows, fields and permissions.'],
  ['manage:jira-webhook', 'rwd/n/g', 'Send Jira activity to other systems through webhooks.'],
  ['manage:jira-data-provider', 'rwd/sn/g', 'Link development, build and deployment data to Jira.'],
  ['read:confluence-content.all', 'r/nf/s', 'Read every Confluence page, blog post and attachment you can see.'],
  ['read:confluence-content.summary', 'r/n/s', 'See summaries of the Confluence pages and blog posts you can see.'],
  ['write:confluence-content', 'rw/nf/s', 'Create and change Confluence pages and blog posts as you.'],
  ['write:confluence-file', 'rw/f/s', 'Upload attachments to Confluence as you.'],
  ['write:confluence-space', 'rwd/n/s', 'Create, change and delete Confluence spaces.'],
  ['read:confluence-space.summary', 'r/n/s', 'See the names and details of Confluence spaces.'],
  ['read:confluence-user', 'r/e/g', 'See the names and details of people on your Confluence site.'],
  ['read:confluence-groups', 'r/e/g', 'See the groups on your Confluence site.'],
  ['write:confluence-groups', 'rwa/e/g', 'Create and change groups on your Confluence site.'],
  ['search:confluence', 'r/nf/s', 'Search all Confluence content you can see.'],
  ['manage:confluence-configuration', 'rwda/n/g', 'Change the settings of your Confluence site.'],
  ['read:servicedesk-request', 'r/u/s', 'Read customer requests in Jira Service Management.'],
  ['write:servicedesk-request', 'rw/u/s', 'Create and change customer requests in Jira Service Management.'],
  ['manage:servicedesk-customer', 'rwda/u/g', 'Add, change and remove Jira Service Management customers and organisations.'],
  ['read:issue:jira', 'r/n/s', 'Read the Jira issues you can see.'],
  ['write:issue:jira', 'rw/n/s', 'Create and change Jira issues as you.'],
  ['delete:issue:jira', 'd/n/s', 'Delete Jira issues.'],
  ['read:page:confluence', 'r/nf/s', 'Read the Confluence pages you can see.'],
  ['write:page:confluence', 'rw/nf/s', 'Create and change Confluence pages as you.'],
  ['delete:page:confluence', 'd/nf/s', 'Delete Confluence pages.'],
  ['read:user:jira', 'r/e/g', 'See the people on your Jira site.'],
  ['write:user:jira', 'rwa/e/g', 'Create and change users on your Jira site.'],
  ['delete:user:jira', 'da/e/g', 'Remove users from your Jira site.'],
  ['read:repository:bitbucket', 'r/s/s', 'Read the Bitbucket repositories you can see.'],
  ['write:repository:bitbucket', 'rw/s/s', 'Push changes to the Bitbucket repositories you can reach.'],
  ['admin:repository:bitbucket', 'rwda/sk/s', 'Administer Bitbucket repositories: access, settings and deletion.'],
  ['admin:workspace:bitbucket', 'rwda/sek/g', 'Administer your Bitbucket workspace: members, permissions and settings.'],
  ['report:personal-data', 'r/e/g', 'Report which Atlassian accounts this app stores personal data about.'],
];

export const atlassianCatalog: ProviderCatalog = {
  id: 'atlassian',
  entries: withOverrides(ATLASSIAN_GENERATED, CURATED),
  usesOidc: true,
};
