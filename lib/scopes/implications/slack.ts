/**
 * Slack documents no scope hierarchy: each scope names one capability, and a write scope does not include the
 * matching read scope (`channels:write` does not let an app read `channels:history`). The table is empty on
 * purpose, so a Slack approval covers exactly the scopes it lists, bot and user scopes each on their own.
 * https://api.slack.com/scopes
 */
import { tableImplications } from './scope-implications';

export const slackImplications = tableImplications(
  'slack',
  'None: Slack scopes are independent, so an approval covers only the scopes it names.',
  [],
);
