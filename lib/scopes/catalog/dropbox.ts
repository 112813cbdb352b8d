/**
 * Dropbox scopes, every one classified by hand from https://developers.dropbox.com/oauth-guide and checked against
 * the `scope` of every route in Dropbox's API spec (scripts/generators/catalog/inputs/dropbox-scopes.json); the
 * generated list from the SDK is kept underneath so a new scope still gets a catalog entry. `team_*`, `members.*`, `groups.*`,
 * `sessions.*` and `events.*` are Dropbox Business team scopes: they reach the whole team.
 */
import { DROPBOX_GENERATED } from '../generated/dropbox';
import type { CatalogEntry } from '../scope-code';
import { withOverrides, type ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['account_info.read', 'i//o', 'See your Dropbox name, email address and account details.'],
  ['account_info.write', 'rw/e/o', 'Change your Dropbox profile and account settings.'],
  ['contacts.read', 'r/t/o', 'See the contacts saved in your Dropbox account.'],
  ['contacts.write', 'rwd/t/o', 'Change and delete your Dropbox contacts.'],
  ['file_requests.read', 'r/f/o', 'See the file requests you created to collect files from others.'],
  ['file_requests.write', 'rwd/f/o', 'Create, change and close file requests that let others upload to your Dropbox.'],
  ['files.metadata.read', 'r/f/o', 'See the names and details of all your Dropbox files and folders, but not their contents.'],
  ['files.metadata.write', 'rw/f/o', 'Rename, move and organise all your Dropbox files and folders.'],
  ['files.content.read', 'r/f/o', 'Read and download all your Dropbox files.'],
  ['files.content.write', 'rwd/f/o', 'Upload, change and delete all your Dropbox files.'],
  ['files.permanent_delete', 'd/f/o', 'Permanently erase your Dropbox files, beyond recovery.'],
  ['files.team_metadata.write', 'rw/f/g', "Change the team's shared folder structure."],
  ['sharing.read', 'r/f/o', 'See who your Dropbox files and folders are shared with.'],
  ['sharing.write', 'rw/f/o', 'Share your Dropbox files and folders with anyone, and change who has access.'],
  // Dropbox: the team's name, size, licences and policies; only a team admin can grant it.
  ['team_info.read', 'r/en/g', "See your Dropbox team's name, size, licences and settings."],
  ['team_info.write', 'rwa/n/g', "Change your Dropbox team's settings."],
  ['team_data.member', 'rwda/fe/g', "Act as any member of your Dropbox team and open their files."],
  ['team_data.team_space', 'rwd/f/g', "Read and change the team's shared space."],
  ['team_data.content.read', 'r/f/g', "Read the content of every file your Dropbox team stores."],
  ['team_data.content.write', 'rwd/f/g', 'Change and delete the content of any file your Dropbox team stores.'],
  ['team_data.governance.read', 'r/f/g', "See your team's data-retention and legal-hold settings."],
  ['team_data.governance.write', 'rwda/f/g', "Change your team's data-retention and legal-hold settings."],
  ['members.read', 'r/e/g', 'See everyone in your Dropbox team.'],
  ['members.write', 'rwa/e/g', 'Add and change members of your Dropbox team.'],
  ['members.delete', 'da/e/g', 'Remove members from your Dropbox team and wipe their data.'],
  ['groups.read', 'r/e/g', 'See the groups in your Dropbox team.'],
  ['groups.write', 'rwda/e/g', 'Create, change and delete groups in your Dropbox team.'],
  ['sessions.list', 'r/k/g', 'See where every member of your team is signed in to Dropbox.'],
  ['sessions.modify', 'rwda/k/g', 'Sign members of your team out of their devices and unlink apps.'],
  ['events.read', 'r/ek/g', "Read your Dropbox team's activity log."],
  ['private', 'rw/n/u', 'Use private Dropbox features that are not publicly documented.'],
];

export const dropboxCatalog: ProviderCatalog = {
  id: 'dropbox',
  entries: withOverrides(DROPBOX_GENERATED, CURATED),
  usesOidc: true,
};
