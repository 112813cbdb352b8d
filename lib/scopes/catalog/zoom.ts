/**
 * Zoom OAuth scopes, classic (`meeting:read`, `user:write:admin`) and granular (`meeting:read:meeting`,
 * `user:read:list_users:admin`), hand-written from https://developers.zoom.us/docs/integrations/oauth-scopes/ .
 * A trailing `:admin` means the scope reaches the whole Zoom account, not only you; with `:read` it still only reads.
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['user:read', 'i//o', 'See your Zoom profile.'],
  ['user_info:read', 'i//o', 'See your Zoom name and email address.'],
  ['user:read:user', 'i//o', 'See your Zoom profile.'],
  ['user:read:email', 'i//o', 'See the email address of your Zoom account.'],
  ['user:write', 'rw/e/o', 'Change your Zoom profile and settings.'],
  ['user:read:admin', 'r/e/g', 'See every user in your Zoom account.'],
  ['user:write:admin', 'rwda/e/g', 'Create, change and delete the Zoom users of everyone in your organisation.'],
  ['user:read:list_users:admin', 'r/e/g', 'See the list of every user in your Zoom account.'],
  ['user:write:user:admin', 'rwa/e/g', 'Change any user in your Zoom account.'],
  ['user:delete:user:admin', 'da/e/g', 'Delete any user in your Zoom account.'],
  ['meeting:read', 'r/c/o', 'See your Zoom meetings.'],
  ['meeting:write', 'rwd/c/o', 'Create, change and delete your Zoom meetings.'],
  ['meeting:read:admin', 'r/c/g', 'See the meetings of everyone in your Zoom account.'],
  ['meeting:write:admin', 'rwda/c/g', 'Create, change and delete meetings for anyone in your Zoom account.'],
  ['meeting:read:meeting', 'r/c/o', 'See the details of your Zoom meetings.'],
  ['meeting:read:list_meetings', 'r/c/o', 'See the list of your Zoom meetings.'],
  ['meeting:write:meeting', 'rw/c/o', 'Create and change your Zoom meetings.'],
  ['meeting:delete:meeting', 'd/c/o', 'Delete your Zoom meetings.'],
  ['meeting:read:meeting:admin', 'r/c/g', 'See the meetings of anyone in your Zoom account.'],
  ['meeting:write:meeting:admin', 'rwa/c/g', 'Create and change meetings for anyone in your Zoom account.'],
  ['webinar:read', 'r/c/o', 'See your Zoom webinars.'],
  ['webinar:write', 'rwd/cu/o', 'Create, change and delete your Zoom webinars and their registrants.'],
  ['webinar:read:admin', 'r/cu/g', 'See the webinars and registrants of everyone in your Zoom account.'],
  ['webinar:write:admin', 'rwda/cu/g', 'Manage the webinars of everyone in your Zoom account.'],
  ['recording:read', 'r/mf/o', 'Watch and download your Zoom cloud recordings and transcripts.'],
  ['recording:write', 'rwd/mf/o', 'Change and delete your Zoom cloud recordings.'],
  ['recording:read:admin', 'r/mf/g', 'Watch and download the cloud recordings of everyone in your Zoom account.'],
  ['recording:write:admin', 'rwda/mf/g', 'Change and delete the cloud recordings of everyone in your Zoom account.'],
  ['cloud_recording:read:list_user_recordings', 'r/mf/o', 'See the list of your Zoom cloud recordings.'],
  ['cloud_recording:read:recording', 'r/mf/o', 'Watch and download your Zoom cloud recordings.'],
  ['chat_message:read', 'r/m/o', 'Read your Zoom Team Chat messages.'],
  ['chat_message:write', 'rwd/m/o', 'Send, change and delete Zoom Team Chat messages as you.'],
  ['chat_message:read:admin', 'r/m/g', 'Read the Team Chat messages of everyone in your Zoom account.'],
  ['chat_channel:read', 'r/m/o', 'See your Zoom Team Chat channels.'],
  ['chat_channel:write', 'rwd/m/o', 'Create and manage Zoom Team Chat channels as you.'],
  ['contact:read', 'r/t/o', 'See your Zoom contacts.'],
  ['report:read:admin', 'r/e/g', "Read your Zoom account's usage and meeting reports."],
  ['dashboard:read:admin', 'r/e/g', "Read your Zoom account's dashboard of meetings and participants."],
  ['account:read:admin', 'r/n/g', "See your Zoom account's settings."],
  ['account:write:admin', 'rwda/n/g', "Change your Zoom account's settings."],
  ['phone:read', 'r/m/o', 'See your Zoom Phone calls and voicemail.'],
  ['phone:write', 'rwd/m/o', 'Change your Zoom Phone settings and voicemail.'],
  ['phone:read:admin', 'r/m/g', 'See the Zoom Phone calls and voicemail of everyone in your account.'],
  ['phone:write:admin', 'rwda/m/g', 'Manage Zoom Phone for everyone in your account.'],
];

export const zoomCatalog: ProviderCatalog = { id: 'zoom', entries: CURATED, usesOidc: true };
