/**
 * GitLab OAuth scopes, hand-written from https://docs.gitlab.com/integration/oauth_provider/#view-all-authorized-applications
 * and https://docs.gitlab.com/user/profile/personal_access_tokens/#personal-access-token-scopes .
 */
import type { CatalogEntry } from '../scope-code';
import type { ProviderCatalog } from './provider-catalog';

const CURATED: readonly CatalogEntry[] = [
  ['read_user', 'i//o', 'See your GitLab profile: name, username and email address.'],
  // "Complete read/write access to the API, including all groups and projects": also their members, webhooks and CI
  // variables wherever you are a maintainer or owner, so it administers as well as writes.
  ['api', 'rwda/snek/s', 'Do everything you can do in GitLab: read and change code, issues, pipelines, members and settings of every project and group you can reach.'],
  ['read_api', 'r/sn/s', 'Read everything you can see in GitLab, including private code and issues.'],
  ['read_repository', 'r/s/s', 'Read and download the code of every repository you can reach.'],
  ['write_repository', 'rw/s/s', 'Push code to every repository you can reach.'],
  ['read_registry', 'r/s/s', 'Download container images from the projects you can reach.'],
  ['write_registry', 'rw/s/s', 'Publish container images to the projects you can reach.'],
  ['read_virtual_registry', 'r/s/s', 'Download packages through GitLab virtual registries.'],
  ['sudo', 'rwda/snek/g', 'Act as any user of your GitLab instance (only works for administrators).'],
  ['admin_mode', 'rwda/snek/g', 'Use administrator powers over the whole GitLab instance.'],
  ['create_runner', 'rw/sk/g', 'Register new CI runners that receive your jobs and their secrets.'],
  ['manage_runner', 'rwd/sk/g', 'Change and remove CI runners.'],
  ['k8s_proxy', 'rwd/n/s', 'Reach your Kubernetes clusters through the GitLab agent.'],
  ['ai_features', 'rw/s/s', 'Use GitLab Duo AI features with your code.'],
  ['read_service_ping', 'r/n/g', 'Read usage statistics of your GitLab instance.'],
  ['self_rotate', 'w/k/o', 'Replace its own access token with a new one.'],
  ['read_observability', 'r/n/s', 'Read observability data of your projects.'],
  ['write_observability', 'rw/n/s', 'Write observability data to your projects.'],
];

export const gitlabCatalog: ProviderCatalog = { id: 'gitlab', entries: CURATED, usesOidc: true };
