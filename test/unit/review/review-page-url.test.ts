import { describe, expect, it } from 'vitest';
import { reviewIdFromQuery, reviewPageUrl } from '../../../lib/review/review-page-url';

// What `runtime.getURL` does in Chromium: the extension's origin before the path.
const getURL = (path: string): string => `chrome-extension://abcdefghijklmnopabcdefghijklmnop${path}`;

describe('reviewPageUrl', () => {
  it.each([
    ['a new draft', null, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/review.html'],
    ['a stored review', 'r-1', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/review.html?id=r-1'],
    ['an id that needs escaping', 'a b&c=d#e', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/review.html?id=a%20b%26c%3Dd%23e'],
  ])('opens %s', (_name, id, expected) => {
    expect(reviewPageUrl(getURL, id)).toBe(expected);
  });

  it.each([null, 'r-1', 'a b&c=d#e', 'ünïcode/?'])('reads back the id it wrote: %s', (id) => {
    expect(reviewIdFromQuery(new URL(reviewPageUrl(getURL, id)).search)).toBe(id);
  });
});

describe('reviewIdFromQuery', () => {
  it.each([
    ['', null],
    ['?id=', ''],
    ['?other=1', null],
    ['?id=r-1&id=r-2', 'r-1'],
    ['?x=1&id=r%2B1', 'r+1'],
  ])('reads %j as %j', (search, expected) => {
    expect(reviewIdFromQuery(search)).toBe(expected);
  });
});
