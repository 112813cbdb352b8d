/**
 * Authorization requests sent as a form POST. OpenID Connect Core §3.1.2.1 requires providers to accept the
 * authorization request by POST as well as GET, with the parameters form-serialised in the body, so the URL the
 * browser navigates to carries no `client_id` or `scope`, and a check that reads URLs alone would see nothing.
 * The background observes the body (webRequest `requestBody`); this module turns it into a URL the parser reads
 * like any other, and notes on the request that it came as a POST. Pure.
 */
import type { ParseResult } from './authorization-request';
import { MAX_INPUT_LENGTH, parseAuthorizationUrl } from './parse-authorization-url';

/**
 * `webRequest` `requestBody.formData`: each field name with its values, in the order the form sent them. A value
 * that is not text (Chromium gives file contents as bytes) is no request parameter and is skipped.
 */
export type FormFields = Readonly<Record<string, readonly unknown[] | undefined>>;

/** The same cap as the parser's: a real authorization request has a dozen parameters. */
export const MAX_FORM_VALUES = 1000;
/** Percent-encoding can triple the body's length; this keeps the URL built from it under the parser's limit. */
const MAX_FORM_CHARS = Math.floor(MAX_INPUT_LENGTH / 4);

export const FORM_POST_ANOMALY =
  'the request was sent as a form POST (OpenID Connect Core 3.1.2.1): its parameters are in the request body, not in the URL';

/**
 * Fields that are secrets, never request parameters worth judging: a login form that posts to an authorization
 * path must not leave its password in the stored request (whose URL the review and the event log see).
 */
const SECRET_FIELD = /pass(?:word|wd|code)?$|^pwd$|secret|credential|^otp$|^totp$|client_assertion$/i;

export interface FormPostUrl {
  /** The action URL with the body's fields in its query, first, as the provider reads them. */
  url: string;
  anomalies: string[];
}

/**
 * Builds the URL the parser reads. The body's fields come first: on a POST the provider takes its parameters from
 * the body, and the parser reads a parameter's first value.
 */
export function formPostUrl(actionUrl: string, fields: FormFields): FormPostUrl | undefined {
  let action: URL;
  try {
    action = new URL(actionUrl);
  } catch {
    return undefined;
  }
  if (action.protocol !== 'https:' && action.protocol !== 'http:') return undefined;
  const anomalies = [FORM_POST_ANOMALY];
  const body = new URLSearchParams();
  let count = 0;
  let length = action.href.length;
  let cut = false;
  let secrets = 0;
  for (const name of Object.keys(fields)) {
    const values = fields[name];
    if (!Array.isArray(values)) continue;
    if (SECRET_FIELD.test(name)) {
      secrets += 1;
      continue;
    }
    for (const value of values) {
      if (typeof value !== 'string') continue;
      // Hostile input stays cheap, and the URL built from it stays one the parser reads.
      if (count >= MAX_FORM_VALUES || length + name.length + value.length + 2 > MAX_FORM_CHARS) {
        cut = true;
        break;
      }
      body.append(name, value);
      count += 1;
      length += name.length + value.length + 2;
    }
    if (cut) break;
  }
  if (count === 0) return undefined;
  if (cut) anomalies.push(`the form body has more than ${MAX_FORM_VALUES} values or is longer than a URL can be; only the first were read`);
  if (secrets > 0) anomalies.push('the form body also carried a password or secret, which was left out');

  // A query parameter the body repeats with the same value is one parameter; with another value both are kept,
  // and the parser reports the conflict (or reads both as scopes), since which one wins is up to the provider.
  const merged = new URLSearchParams(body);
  for (const [name, value] of action.searchParams) {
    if (!body.getAll(name).includes(value)) merged.append(name, value);
  }
  action.search = merged.toString();
  action.hash = '';
  return { url: action.href, anomalies };
}

/** Reads a form POST as an authorization request; the result notes on the request that it came as a POST. */
export function parseFormPostRequest(
  actionUrl: string,
  fields: FormFields,
  parse: (url: string) => ParseResult = parseAuthorizationUrl,
): ParseResult {
  const built = formPostUrl(actionUrl, fields);
  if (built === undefined) return { ok: false, reason: 'the form body carries no parameters' };
  const parsed = parse(built.url);
  if (!parsed.ok) return parsed;
  return { ok: true, request: { ...parsed.request, anomalies: [...built.anomalies, ...parsed.request.anomalies] } };
}
