/**
 * Slack bot and user token scopes (`scope` and `user_scope` share one namespace).
 * Reference: https://api.slack.com/scopes ; Sign in with Slack (OpenID): https://api.slack.com/authentication/sign-in-with-slack
 */
import { SLACK_GENERATED } from '../generated/slack';
import type { CatalogEntry } from '../scope-code';
import { withOverrides, type ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['identity.basic', 'i//o', 'Sign you in with Slack and see your name.'],
  ['identity.email', 'i//o', 'See the email address of your Slack account.'],
  ['identity.avatar', 'i//o', 'See your Slack profile picture.'],
  ['identity.team', 'i//o', 'See the name of your Slack workspace.'],
  ['channels:history', 'r/m/g', "Read the messages in your workspace's public channels."],
  ['channels:read', 'r/n/g', "See the names and details of your workspace's public channels."],
  ['channels:manage', 'rwd/m/g', 'Create, rename, archive and manage public channels.'],
  ['channels:write', 'rwd/m/g', 'Create, rename and archive public channels, and change who is in them.'],
  ['channels:join', 'w/m/g', 'Join public channels in your workspace.'],
  ['groups:history', 'r/m/s', 'Read the messages in private channels you are in.'],
  ['groups:read', 'r/n/s', 'See the names and details of private channels you are in.'],
  ['groups:write', 'rwd/m/s', 'Create and manage private channels as you.'],
  ['im:history', 'r/m/o', 'Read your direct messages.'],
  ['im:read', 'r/m/o', 'See who you have direct messages with.'],
  ['im:write', 'w/m/o', 'Start direct messages with people.'],
  ['mpim:history', 'r/m/s', 'Read your group direct messages.'],
  ['chat:write', 'rwd/m/s', 'Send, change and delete messages in the conversations it is part of.'],
  ['chat:write:user', 'rwd/m/s', 'Send, change and delete messages as you.'],
  ['chat:write:bot', 'w/m/s', 'Send messages as the app.'],
  ['chat:write.public', 'w/m/g', "Send messages to any public channel, even ones it has not joined."],
  ['chat:write.customize', 'w/m/s', 'Send messages under a different name and picture.'],
  ['files:read', 'r/f/s', 'See and download the files shared in your conversations.'],
  ['files:write', 'rwd/f/s', 'Upload, change and delete files as you.'],
  ['users:read', 'r/e/g', 'See the people in your workspace.'],
  ['users:read.email', 'r/et/g', 'See the email addresses of everyone in your workspace.'],
  ['users.profile:read', 'r/e/g', 'See the profiles of everyone in your workspace.'],
  ['users:write', 'rw/e/o', 'Set your presence.'],
  ['users.profile:write', 'rw/e/o', 'Change your Slack profile.'],
  ['search:read', 'r/mf/g', 'Search all the messages and files you can see in your workspace.'],
  ['team:read', 'r/n/g', "See your workspace's name, domain and icon."],
  ['team.billing:read', 'r/$/g', "See your workspace's billing plan."],
  ['usergroups:write', 'rw/e/g', 'Create and change user groups.'],
  ['incoming-webhook', 'w/m/s', 'Post messages to one channel you choose.'],
  ['commands', 'w/n/s', 'Add slash commands that people in your workspace can use.'],
  ['bot', 'rw/m/s', 'Add a bot user that can read and post in the conversations it is added to.'],
  ['admin', 'rwda/ek/g', 'Administer your whole Slack workspace: members, settings and data.'],
  ['admin.users:write', 'rwda/e/g', 'Invite, deactivate and change the accounts of anyone in your Slack organisation.'],
  ['admin.users:read', 'r/e/g', 'See every account in your Slack organisation, with admin details.'],
  ['admin.conversations:write', 'rwda/m/g', 'Create, archive, convert and manage any channel in your Slack organisation.'],
  ['admin.conversations:read', 'r/m/g', 'See every channel in your Slack organisation, including private ones.'],
  ['admin.apps:write', 'rwda/k/g', 'Approve and restrict the apps installed in your Slack organisation.'],
  ['admin.teams:write', 'rwda/n/g', "Create workspaces and change their settings across your Slack organisation."],
  ['admin.invites:write', 'rwa/e/g', 'Approve or deny invitations to your Slack workspace.'],
  ['admin.roles:write', 'rwda/ek/g', 'Give and take away admin roles in your Slack organisation.'],
  // The `admin.*:read` scopes need an org admin to install, but they only read: read access of organisation data.
  ['admin.analytics:read', 'r/en/g', "See your Slack organisation's usage analytics."],
  ['admin.app_activities:read', 'r/en/g', 'See the activity logs of the apps in your Slack organisation.'],
  ['admin.apps:read', 'r/en/g', 'See which apps are installed or requested in your Slack organisation.'],
  ['admin.barriers:read', 'r/en/g', 'See the information barriers between groups in your Slack organisation.'],
  ['admin.invites:read', 'r/en/g', 'See the invitations and invitation requests of your Slack workspaces.'],
  ['admin.roles:read', 'r/en/g', 'See who holds which admin role in your Slack organisation.'],
  ['admin.teams:read', 'r/en/g', 'See the workspaces of your Slack organisation and their settings.'],
  ['admin.usergroups:read', 'r/e/g', 'See the user groups and their channels across your Slack organisation.'],
  ['admin.workflows:read', 'r/en/g', 'See the workflows built across your Slack organisation.'],
  ['auditlogs:read', 'r/ek/g', "Read your Slack organisation's audit logs."],
];

export const slackCatalog: ProviderCatalog = {
  id: 'slack',
  entries: withOverrides(SLACK_GENERATED, CURATED),
  usesOidc: true,
};
