import { describe, expect, it } from 'vitest';
import { hostSkeleton } from '../../../lib/hosts/host-skeleton';

describe('hostSkeleton', () => {
  it.each([
    ['I0gin.microsoftonline.com', 'login.microsoftonline.com'],
    ['g00gle.com', 'google.com'],
    ['rnicrosoft.com', 'microsoft.com'],
    ['\u0430ccounts.google.com', 'accounts.google.com'],
    ['gοοgle.com', 'google.com'],
    ['ｇｏｏｇｌｅ.com', 'google.com'],
    ['gооglé.com', 'google.com'],
    ['vvww.dropbox.com', 'www.dropbox.com'],
    ['s1ack.com', 'slack.com'],
  ])('%s looks like %s', (lookAlike, real) => {
    expect(hostSkeleton(lookAlike)).toBe(hostSkeleton(real));
  });

  it.each([
    ['github.com', 'gitlab.com'],
    ['box.com', 'dropbox.com'],
    ['okta.com', 'auth0.com'],
  ])('%s does not look like %s', (a, b) => {
    expect(hostSkeleton(a)).not.toBe(hostSkeleton(b));
  });
});
