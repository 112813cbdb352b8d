import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import type { PageFacts } from '../../../lib/evaluation';
import { extractPageFacts } from '../../../lib/page-facts/extract-page-facts';
import { providerForHost } from '../../../lib/page-facts/provider-for-host';
import { REAL_GOOGLE_MICROSOFT_DIR, REAL_GOOGLE_MICROSOFT_FIXTURES } from '../../fixtures/consent-pages/real-google-microsoft';

const FIXTURE_DIR = resolve(import.meta.dirname, '../../fixtures/consent-pages', REAL_GOOGLE_MICROSOFT_DIR);

function loadFixture(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(FIXTURE_DIR, file), 'utf8'), 'text/html');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function facts(provider: ProviderId, html: string): PageFacts {
  return extractPageFacts(provider, parse(html));
}

describe('Google and Microsoft screens modelled on the real pages', () => {
  it.each(REAL_GOOGLE_MICROSOFT_FIXTURES)('$file', ({ file, provider, expected }) => {
    expect(extractPageFacts(provider, loadFixture(file))).toEqual(expected);
  });

  it.each(REAL_GOOGLE_MICROSOFT_FIXTURES)('$file is served on a host that reads as $provider', ({ url, provider }) => {
    expect(providerForHost(new URL(url).hostname)).toBe(provider);
  });

  it('every fixture in the folder is listed, and each names its public source', () => {
    const files = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.html')).sort();
    expect(REAL_GOOGLE_MICROSOFT_FIXTURES.map((fixture) => fixture.file).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(resolve(FIXTURE_DIR, file), 'utf8')).toMatch(/<!--[\s\S]*(Modelled on)[\s\S]*20\d\d-\d\d-\d\d[\s\S]*-->/);
  });
});

describe('Google: the variants of each fact', () => {
  it.each([
    ['#developer_info_glif', '<h1 id="headingText"><button id="developer_info_glif" data-third-party-email="dev@notes.example">Notes</button> wants access to your Google Account</h1>', 'Notes'],
    ['data-third-party-email under #headingSubtext', '<h1 id="headingText">Sign in</h1><div id="headingSubtext">to continue to <button data-third-party-email="dev@notes.example">Notes</button></div>', 'Notes'],
    ['English heading sentence', '<h1 id="headingText">Notes wants access to your Google Account</h1>', 'Notes'],
    ['additional access', '<h1 id="headingText">Notes wants additional access to your Google Account</h1>', 'Notes'],
    ['sign in to the app', '<h1 id="headingText">Sign in to Notes</h1>', 'Notes'],
    ['German heading', '<h1 id="headingText">Notes möchte auf Ihr Google-Konto zugreifen</h1>', 'Notes'],
    ['French heading', '<h1 id="headingText">Notes souhaite accéder à votre compte Google</h1>', 'Notes'],
    ['Spanish heading', '<h1 id="headingText">Notes quiere acceder a tu cuenta de Google</h1>', 'Notes'],
    ['Japanese heading', '<h1 id="headingText">Notes が Google アカウントへのアクセスを求めています</h1>', 'Notes'],
    ['a plain sign-in page', '<h1 id="headingText">Sign in</h1><div id="headingSubtext">to continue to Gmail</div>', undefined],
  ])('app name: %s', (_name, html, appName) => {
    expect(facts('google', html).appName).toBe(appName);
  });

  it.each([
    ['English, current', 'Google hasn’t verified this app', 'Go to notes.example (unsafe)'],
    ['English, older', "This app isn't verified", 'Go to notes.example (unsafe)'],
    ['German', 'Google hat diese App nicht überprüft', 'notes.example öffnen (unsicher)'],
    ['French', 'Google n’a pas validé cette application', 'Accéder à notes.example (non sécurisé)'],
    ['Spanish', 'Google no ha verificado esta aplicación', 'Ir a notes.example (no seguro)'],
    ['Japanese', 'このアプリは Google で確認されていません', 'notes.example（安全ではないページ）に移動'],
  ])('unverified screen, %s: verified false and the app from the unsafe link', (_language, heading, link) => {
    const read = facts('google', `<h1 id="headingText">${heading}</h1><p>Until the developer (dev@notes.example) verifies it…</p><div hidden><a href="#">${link}</a></div>`);
    expect(read).toMatchObject({ verified: false, appName: 'notes.example', publisher: 'dev@notes.example' });
  });

  it('a page that does not warn says nothing about verification', () => {
    expect(facts('google', '<h1 id="headingText">Notes wants access to your Google Account</h1>').unread).toContain('verified');
  });

  it.each([
    ['one account chip', '<div data-email="a@example.com">a@example.com</div>', 'a@example.com'],
    ['two accounts listed', '<ul><li><div data-identifier="a@example.com"></div></li><li><div data-identifier="b@example.com"></div></li></ul>', undefined],
    ['a chooser with a single account row', '<ul><li><div data-identifier="a@example.com" data-email="a@example.com">a@example.com</div></li></ul>', undefined],
    ['a chooser heading in German', '<h1 id="headingText">Konto auswählen</h1><div data-email="a@example.com"></div>', undefined],
    ['two different addresses and no chooser', '<div data-email="a@example.com"></div><div data-email="b@example.com"></div>', undefined],
    ['#profileIdentifier', '<div id="profileIdentifier">a@example.com</div>', 'a@example.com'],
  ])('account: %s', (_name, html, account) => {
    const read = facts('google', html);
    expect(read.account).toBe(account);
    if (account === undefined) expect(read.unread).toContain('account');
  });

  it('scope rows: data-value scopes, labelled rows, no "Learn more"', () => {
    const html = `<ul>
      <li><input type="checkbox" data-value="https://www.googleapis.com/auth/calendar" aria-labelledby="l1"><div id="l1">See your calendars <a href="#">Learn more</a></div></li>
      <li><input type="checkbox" data-value="openid"><span>Associate you with your personal info on Google</span></li>
      <li><input type="checkbox" data-value="not-a-scope"><span>Decoy</span></li>
    </ul>`;
    expect(facts('google', html).scopeDescriptions).toEqual(['See your calendars', 'Associate you with your personal info on Google']);
  });

  it('a data-third-party-email that is not an address is not a publisher', () => {
    const read = facts('google', '<button id="developer_info_glif" data-third-party-email="javascript:alert(1)">Notes</button>');
    expect(read).toMatchObject({ appName: 'Notes' });
    expect(read.publisher).toBeUndefined();
  });
});

describe('Microsoft: the variants of each fact', () => {
  const list = '<ul><li><span>Read your mail</span><div hidden>Long description</div></li></ul>';

  it.each([
    ['English', 'Permissions requested'],
    ['German', 'Angeforderte Berechtigungen'],
    ['French', 'Autorisations demandées'],
    ['Spanish', 'Permisos solicitados'],
    ['Japanese', '要求されているアクセス許可'],
    ['admin approval, English', 'Approval required'],
    ['admin approval, German', 'Genehmigung erforderlich'],
    ['personal account, Japanese', 'このアプリが情報にアクセスすることを許可しますか?'],
  ])('%s title: app name after the title, the collapsed description left out', (_name, title) => {
    const read = facts('microsoft', `<div>a@contoso.com</div><div role="heading" aria-level="1">${title}</div><div>Expenses</div><div>unverified</div><p>…</p>${list}`);
    expect(read).toMatchObject({ appName: 'Expenses', verified: false, account: 'a@contoso.com', scopeDescriptions: ['Read your mail'] });
  });

  it.each([
    ['German', 'nicht überprüft'],
    ['French', 'non vérifié'],
    ['Spanish', 'no comprobado'],
    ['Japanese', '未確認'],
    ['in parentheses', '(unverified)'],
  ])('"unverified" label in %s', (_language, label) => {
    const read = facts('microsoft', `<input id="idBtn_Accept" type="submit"><h1>Title</h1><div>Expenses</div><span>${label}</span>${list}`);
    expect(read).toMatchObject({ appName: 'Expenses', verified: false });
    expect(read.unread).toContain('publisher');
  });

  it.each([
    ['alt', '<img alt="Verified">'],
    ['title, German', '<img title="Überprüfter Herausgeber">'],
    ['aria-label, Japanese', '<span role="img" aria-label="確認済みの発行元"></span>'],
  ])('verified badge by its %s names the publisher before it', (_name, badge) => {
    const read = facts('microsoft', `<input id="idBtn_Accept" type="submit"><h1>Title</h1><div>Expenses</div><div><a href="#">Contoso Ltd</a>${badge}</div>${list}`);
    expect(read).toMatchObject({ appName: 'Expenses', publisher: 'Contoso Ltd', verified: true });
  });

  it('a badge that says unverified is not a verified badge', () => {
    const read = facts('microsoft', `<input id="idBtn_Accept" type="submit"><h1>Title</h1><div>Expenses</div><div><a href="#">Contoso Ltd</a><img alt="Unverified publisher"></div>${list}`);
    expect(read.verified).toBeUndefined();
    expect(read.publisher).toBeUndefined();
    expect(read.unread).toEqual(['publisher', 'verified', 'account']);
  });

  it('a publisher name without a badge is not read: only verified publishers are named by Microsoft', () => {
    const read = facts('microsoft', `<input id="idBtn_Accept" type="submit"><h1>Title</h1><div>Expenses</div><div><a href="#">Contoso Ltd</a></div>${list}`);
    expect(read.publisher).toBeUndefined();
  });

  it.each([
    ['the sign-in page', '<div role="heading" aria-level="1">Sign in</div><div>Email, phone, or Skype</div><input type="email">'],
    ['the password page', '<div role="heading" aria-level="1">Enter password</div><div>a@contoso.com</div><a href="#">Forgot my password</a>'],
    ['stay signed in', '<div role="heading" aria-level="1">Stay signed in?</div><div>Do this to reduce the number of times you are asked to sign in.</div>'],
  ])('%s is not a consent screen: nothing read, all unread', (_name, html) => {
    expect(facts('microsoft', html)).toEqual({ unread: ['appName', 'publisher', 'verified', 'scopeDescriptions', 'account'] });
  });

  it('the list sentence finds the permissions on a page without a title', () => {
    const read = facts('microsoft', '<input id="idBtn_Accept" type="submit"><p>Diese App möchte:</p><ul><li>E-Mails lesen</li></ul>');
    expect(read.scopeDescriptions).toEqual(['E-Mails lesen']);
  });
});
