/**
 * Box application scopes, hand-written from https://developer.box.com/guides/api-calls/permissions-and-errors/scopes/
 * and checked against Box's OpenAPI spec (scripts/generators/catalog/inputs/box-scopes.json): the OAuth 2.0 scopes
 * it declares and the scopes a downscoped token may carry. `root_readwrite` reaches every file you can open in Box;
 * the `manage_*` scopes are enterprise administration.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['root_readonly', 'r/f/s', 'Read and download every file and folder you can open in Box.'],
  ['root_readwrite', 'rwd/f/s', 'Read, upload, change, share and delete every file and folder you can open in Box.'],
  ['manage_managed_users', 'rwda/e/g', "Create, change and delete user accounts in your company's Box enterprise."],
  ['manage_app_users', 'rwda/e/g', 'Create, change and delete the app users of this Box app.'],
  ['manage_groups', 'rwda/e/g', "Create, change and delete groups in your company's Box enterprise."],
  ['manage_enterprise_properties', 'rwa/ek/g', "Change your company's Box enterprise settings and read its event logs."],
  ['manage_data_retention', 'rwda/f/g', "Change how long your company's Box files are kept, and delete them."],
  // Box spells it in the singular; a legal hold keeps files from deletion across the whole enterprise.
  ['manage_legal_hold', 'rwda/f/g', "Place and lift legal holds on your company's Box files."],
  ['manage_webhook', 'rwd/fk/s', 'Create webhooks that send your Box activity to another system.'],
  ['manage_triggers', 'rwd/n/s', 'Create and change Box Relay workflows.'],
  ['manage_signature_requests', 'rwd/f/s', 'Send and manage documents for signature with Box Sign.'],
  ['sign_requests.readwrite', 'rwd/f/s', 'Send and manage documents for signature with Box Sign.'],
  ['ai.readwrite', 'rw/f/s', 'Send the files you can open to Box AI and read its answers.'],
  ['item_preview', 'r/f/s', 'Preview the files you can open in Box.'],
  ['item_download', 'r/f/s', 'Download the files you can open in Box.'],
  ['item_upload', 'w/f/s', 'Upload files to your Box folders.'],
  ['item_share', 'w/f/s', 'Share your Box files and folders.'],
  ['item_delete', 'd/f/s', 'Delete your Box files and folders.'],
  ['item_rename', 'w/f/s', 'Rename your Box files and folders.'],
  // Downscoped-token scopes (Box's `ResourceScope`): a token cut down for a Box UI element or one file or folder.
  ['item_read', 'r/f/s', 'Read the Box files and folders it is given.'],
  ['annotation_view_self', 'r/f/s', 'See the notes you left on Box files.'],
  ['annotation_view_all', 'r/f/s', "See everyone's notes on Box files."],
  ['annotation_edit', 'rwd/f/s', 'Add, change and delete notes on Box files.'],
  ['base_explorer', 'r/f/s', 'Browse Box folders and see what they hold.'],
  ['base_picker', 'r/f/s', 'Show your Box files so you can pick some.'],
  ['base_preview', 'r/f/s', 'Show previews of Box files.'],
  ['base_upload', 'w/f/s', 'Upload files to Box.'],
];

export const boxCatalog: ProviderCatalog = { id: 'box', entries: CURATED, usesOidc: true };
