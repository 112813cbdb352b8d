/**
 * HubSpot app scopes, hand-written from https://developers.hubspot.com/docs/api/scopes (no machine-readable list).
 * A HubSpot grant is for the whole portal (account), so CRM scopes reach every record in it.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['oauth', 'i//o', 'Connect to your HubSpot account (needed by every HubSpot app; reads nothing by itself).'],
  ['crm.objects.contacts.read', 'r/ut/g', 'See every contact in your HubSpot CRM.'],
  ['crm.objects.contacts.write', 'rwd/ut/g', 'Create, change and delete contacts in your HubSpot CRM.'],
  ['crm.objects.companies.read', 'r/u/g', 'See every company in your HubSpot CRM.'],
  ['crm.objects.companies.write', 'rwd/u/g', 'Create, change and delete companies in your HubSpot CRM.'],
  ['crm.objects.deals.read', 'r/u$/g', 'See every deal in your HubSpot CRM, with amounts.'],
  ['crm.objects.deals.write', 'rwd/u$/g', 'Create, change and delete deals in your HubSpot CRM.'],
  ['crm.objects.owners.read', 'r/e/g', 'See the people who own records in your HubSpot account.'],
  ['crm.objects.line_items.read', 'r/u$/g', 'See the products and prices on your deals.'],
  ['crm.objects.line_items.write', 'rwd/u$/g', 'Change the products and prices on your deals.'],
  ['crm.objects.quotes.read', 'r/u$/g', 'See your quotes.'],
  ['crm.objects.quotes.write', 'rwd/u$/g', 'Create and change quotes.'],
  ['crm.objects.invoices.read', 'r/u$/g', 'See your invoices.'],
  ['crm.objects.custom.read', 'r/u/g', 'See your custom CRM records.'],
  ['crm.objects.custom.write', 'rwd/u/g', 'Create, change and delete your custom CRM records.'],
  ['crm.objects.marketing_events.read', 'r/u/g', 'See your marketing events.'],
  ['crm.schemas.contacts.read', 'r/n/g', 'See which fields your contact records have.'],
  ['crm.schemas.custom.read', 'r/n/g', 'See the definitions of your custom CRM objects.'],
  ['crm.lists.read', 'r/u/g', 'See your contact lists.'],
  ['crm.lists.write', 'rwd/u/g', 'Create and change contact lists.'],
  ['crm.export', 'r/ut/g', 'Export all the records in your HubSpot CRM.'],
  ['crm.import', 'w/ut/g', 'Import records into your HubSpot CRM.'],
  ['tickets', 'rwd/u/g', 'Read, change and delete your support tickets.'],
  ['e-commerce', 'rwd/u$/g', 'Read and change products, line items and payment data.'],
  ['content', 'rwd/p/g', 'Read and change your website pages, blog and files in HubSpot CMS.'],
  ['forms', 'rwd/u/g', 'Read and change your forms and their submissions.'],
  ['files', 'rwd/f/g', 'Read, upload and delete files in HubSpot.'],
  ['automation', 'rwd/n/g', 'Read and change your workflows.'],
  ['timeline', 'w/u/g', 'Add events to your CRM records.'],
  ['conversations.read', 'r/mu/g', 'Read the messages in your HubSpot inbox.'],
  ['conversations.write', 'rwd/mu/g', 'Send and change messages in your HubSpot inbox.'],
  ['sales-email-read', 'r/mu/g', 'Read the sales emails sent to and from your CRM contacts.'],
  ['transactional-email', 'w/m/g', 'Send transactional email from your HubSpot account.'],
  ['settings.users.read', 'r/e/g', 'See the users of your HubSpot account.'],
  ['settings.users.write', 'rwda/e/g', 'Add, change and remove users of your HubSpot account.'],
  ['settings.users.teams.read', 'r/e/g', 'See the teams in your HubSpot account.'],
  ['settings.users.teams.write', 'rwa/e/g', 'Change the teams in your HubSpot account.'],
  ['account-info.security.read', 'r/k/g', "See your HubSpot account's security activity and login history."],
  ['business-intelligence', 'r/n/g', 'Read your analytics data.'],
];

export const hubspotCatalog: ProviderCatalog = { id: 'hubspot', entries: CURATED, usesOidc: true };
