/**
 * Salesforce connected-app OAuth scopes, hand-written from
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm . The names are those of the
 * `scopes_supported` list of https://login.salesforce.com/.well-known/openid-configuration
 * (scripts/generators/catalog/inputs/salesforce-scopes.json); the list says nothing else, so each is classified here.
 * Salesforce data access follows your own user's permissions, so most scopes reach everything you can see.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['id', 'i//o', 'See your Salesforce identity: name, username and email address.'],
  ['refresh_token', 'i//o/O', 'Keep access after you close the app, without asking you to sign in again.'],
  ['offline_access', 'i//o/O', 'Keep access after you close the app, without asking you to sign in again.'],
  ['api', 'rwd/un/s', 'Read, change and delete every Salesforce record you can see (customers, deals, cases), as you.'],
  ['full', 'rwda/un$k/g', 'Do everything your Salesforce user can do, including setup and administration.'],
  ['web', 'rwd/un/s', 'Use Salesforce in the browser as you.'],
  ['visualforce', 'rwd/un/s', 'Use Visualforce pages as you.'],
  ['chatter_api', 'rw/m/s', 'Read and post Chatter messages as you.'],
  ['content', 'r/f/s', 'See and download Salesforce files and content.'],
  ['custom_permissions', 'r/n/o', 'See which custom permissions you hold.'],
  ['lightning', 'rwd/un/s', 'Use Lightning pages and components as you.'],
  ['wave_api', 'rwd/un/s', 'Read and change CRM Analytics dashboards and data as you.'],
  ['eclair_api', 'r/n/s', 'Read Salesforce analytics maps and charts.'],
  ['pardot_api', 'rwd/u/g', 'Read and change Marketing Cloud Account Engagement (Pardot) prospects and campaigns.'],
  ['cdp_api', 'rwd/u/g', 'Read and change Data Cloud customer profiles and data.'],
  ['cdp_ingest_api', 'w/u/g', 'Load customer data into Data Cloud.'],
  ['cdp_profile_api', 'rw/u/g', 'Read and change Data Cloud customer profiles.'],
  ['cdp_query_api', 'r/u/g', 'Query all customer data in Data Cloud.'],
  ['cdp_segment_api', 'rw/u/g', 'Read and change Data Cloud customer segments.'],
  ['cdp_identityresolution_api', 'rw/u/g', 'Run identity matching across Data Cloud customer records.'],
  ['cdp_calculated_insight_api', 'rw/u/g', 'Read and change Data Cloud calculated insights.'],
  ['interaction_api', 'rw/u/s', 'Run Salesforce flows and interactions as you.'],
  ['user_registration_api', 'rwa/e/g', 'Create new users in your Salesforce community or portal.'],
  ['sfap_api', 'rw/un/s', 'Call Salesforce platform AI services (Einstein) with your data.'],
  ['einstein_gpt_api', 'rw/un/s', 'Send your Salesforce data to Einstein generative AI.'],
  ['forgot_password', 'w/k/o', 'Reset your password through the headless password flow.'],
  // Headless identity flows of Experience Cloud sites: the app runs the sign-in from its own pages.
  ['pwdless_login_api', 'w/k/o', "Sign you in to a Salesforce site with a one-time code instead of a password, from the app's own pages."],
  ['chatbot_api', 'rw/mu/s', 'Hold conversations with your Einstein bots and see what customers tell them.'],
];

export const salesforceCatalog: ProviderCatalog = { id: 'salesforce', entries: CURATED, usesOidc: true };
