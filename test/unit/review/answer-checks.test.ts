import { describe, expect, it } from 'vitest';
import { countSentences, isAccountDeletionOnly, isPlaceholderAnswer, isSamePerson } from '../../../lib/review/answer-checks';

describe('isPlaceholderAnswer', () => {
  it.each([
    ['n/a', true],
    ['N/A', true],
    ['  TBD. ', true],
    ['?', true],
    ['...', true],
    ["don't know", true],
    ['unknown', true],
    ['Dana Ops', false],
    ['none: it only reads', false],
    ['Google Admin console', false],
  ])('%j -> %s', (value, expected) => {
    expect(isPlaceholderAnswer(value)).toBe(expected);
  });
});

describe('isAccountDeletionOnly', () => {
  it.each([
    ['Delete the account', true],
    ['We cancel the subscription.', true],
    ['Close the workspace and uninstall the app', true],
    ['Delete the account; the vendor erases all data within 30 days (DPA §7)', false],
    ['Email privacy@vendor.example to delete our data', false],
    ['Support ticket asking for erasure of our records', false],
    ['The vendor keeps nothing', false],
  ])('%j -> %s', (value, expected) => {
    expect(isAccountDeletionOnly(value)).toBe(expected);
  });
});

describe('countSentences', () => {
  it.each([
    ['', 0],
    ['Sync webinar signups into our CRM.', 1],
    ['Sync signups, e.g. from Acme, into our CRM.', 1],
    ['Sync v2.1 data to acme.com', 1],
    ['Sync signups. Then tag them.', 2],
    ['Is it needed? Yes! Really.', 3],
  ])('%j -> %i', (value, expected) => {
    expect(countSentences(value)).toBe(expected);
  });
});

describe('isSamePerson', () => {
  it.each([
    ['Dana Ops', 'dana  ops', true],
    [' dana@acme.example', 'DANA@acme.example ', true],
    ['Dana Ops', 'Lee Sales', false],
    ['', '', false],
  ])('%j vs %j -> %s', (a, b, expected) => {
    expect(isSamePerson(a, b)).toBe(expected);
  });
});
