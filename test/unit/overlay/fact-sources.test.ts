import { describe, expect, it } from 'vitest';
import { confirmationFactSource, describeFactSources, sameDisplayName } from '../../../components/overlay/fact-sources';
import type { PageFacts } from '../../../lib/evaluation';
import { overlayStrings } from '../../../lib/strings/overlay';
import { makeView } from './overlay-view';

const S = overlayStrings.factSources;
/** makeView gives approved views the approved name "Example CRM". */
const APPROVED = makeView({ verdict: 'approved' });
const UNAPPROVED = makeView({ verdict: 'needs-review' });

describe('describeFactSources', () => {
  it.each<{ name: string; view: typeof APPROVED; facts: PageFacts | undefined; expected: { kind: string; text: string }[] }>([
    { name: 'page not read yet', view: APPROVED, facts: undefined, expected: [] },
    { name: 'nothing read and nothing declared unread', view: APPROVED, facts: {}, expected: [] },
    { name: 'page name equals the approved name', view: APPROVED, facts: { appName: 'Example CRM' }, expected: [] },
    { name: 'names differing only in case and spacing', view: APPROVED, facts: { appName: '  example   crm ' }, expected: [] },
    {
      name: 'page name differs from the approved name',
      view: APPROVED,
      facts: { appName: 'Example CRM Pro' },
      expected: [{ kind: 'names-differ', text: S.namesDiffer('Example CRM Pro', 'Example CRM') }],
    },
    // Without an approval the page's name is the only name there is: it is said to be the page's, never left to read
    // as the organization's.
    {
      name: 'no approval: the name is marked as the page\'s',
      view: UNAPPROVED,
      facts: { appName: 'Example CRM Pro' },
      expected: [{ kind: 'page-name', text: S.pageName('Example CRM Pro') }],
    },
    {
      name: 'no approval, a name imitating the overlay: still only the page\'s',
      view: UNAPPROVED,
      facts: { appName: 'Approved by your organization' },
      expected: [{ kind: 'page-name', text: S.pageName('Approved by your organization') }],
    },
    {
      name: 'publisher shown, verification unread',
      view: UNAPPROVED,
      facts: { publisher: 'acme-inc', unread: ['verified'] },
      expected: [
        { kind: 'publisher', text: S.publisherShown('acme-inc') },
        { kind: 'not-shown', text: S.notShown('verification status') },
      ],
    },
    { name: 'verified publisher', view: UNAPPROVED, facts: { publisher: 'Contoso', verified: true }, expected: [{ kind: 'publisher', text: S.publisherVerified('Contoso') }] },
    { name: 'unverified publisher', view: UNAPPROVED, facts: { publisher: 'dev@x.example', verified: false }, expected: [{ kind: 'publisher', text: S.publisherUnverified('dev@x.example') }] },
    { name: 'unverified, no publisher named', view: UNAPPROVED, facts: { verified: false }, expected: [{ kind: 'publisher', text: S.unverifiedNoPublisher }] },
    {
      name: 'no publisher on the page (Slack): one line for publisher and verification',
      view: UNAPPROVED,
      facts: { appName: 'Standup Owl', unread: ['publisher', 'verified'] },
      expected: [
        { kind: 'page-name', text: S.pageName('Standup Owl') },
        { kind: 'publisher', text: S.publisherNotShown },
      ],
    },
    {
      name: 'several facts unread',
      view: APPROVED,
      facts: { unread: ['appName', 'publisher', 'verified', 'scopeDescriptions', 'account'] },
      expected: [
        { kind: 'publisher', text: S.publisherNotShown },
        { kind: 'not-shown', text: S.notShown('app name, permission list, signed-in account') },
      ],
    },
  ])('$name', ({ view, facts, expected }) => {
    expect(describeFactSources(view, facts)).toEqual(expected);
  });

  it('keeps page-controlled text as it is (the component renders it as text)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(describeFactSources(APPROVED, { appName: hostile })[0]?.text).toContain(hostile);
  });
});

describe('confirmationFactSource', () => {
  it.each([
    ['a differing name', { appName: 'Example CRM Pro', unread: ['account'] as const }, 'names-differ'],
    ['only unread facts', { appName: 'Example CRM', unread: ['account'] as const }, undefined],
  ])('%s', (_name, facts, kind) => {
    expect(confirmationFactSource(APPROVED, { ...facts, unread: [...facts.unread] })?.kind).toBe(kind);
  });
});

describe('sameDisplayName', () => {
  it.each([
    ['Acme', 'acme', true],
    ['Acme  CRM', 'Acme CRM', true],
    ['Ａｃｍｅ', 'Acme', true],
    ['Acme', 'Acme Pro', false],
    ['Acme', 'Acrne', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sameDisplayName(a, b)).toBe(same);
  });
});
