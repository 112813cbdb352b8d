/**
 * Inputs built to make a parser slow or confused: huge values, broken escapes, endless separators, nesting.
 * Every one must be judged quickly and without throwing.
 */

export interface HostileInput {
  name: string;
  input: string;
}

const KB = 1024;
const GOOGLE = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=1-a.apps.googleusercontent.com&response_type=code';
const GRAPH = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=00000000-0000-0000-0000-000000000001&response_type=code';

function nestedAuthorizationUrl(depth: number): string {
  let url = `${GOOGLE}&scope=openid`;
  for (let level = 0; level < depth; level++) url = `${GRAPH}&scope=openid&redirect_uri=${encodeURIComponent(url)}`;
  return url;
}

export function createHostileInputs(): HostileInput[] {
  const manyScopes = Array.from({ length: 10_000 }, (_, index) => `scope.number.${index}`);
  return [
    { name: '256 KB state parameter', input: `${GOOGLE}&scope=openid&state=${'A'.repeat(256 * KB)}` },
    { name: '256 KB single scope', input: `${GOOGLE}&scope=${'x'.repeat(256 * KB)}` },
    { name: '256 KB client_id', input: `https://accounts.google.com/o/oauth2/v2/auth?response_type=code&scope=openid&client_id=${'9'.repeat(256 * KB)}` },
    { name: '256 KB of percent escapes', input: `${GOOGLE}&scope=${'%20%2B'.repeat((256 * KB) / 6)}` },
    { name: 'broken percent-encoding (256 KB)', input: `${GOOGLE}&scope=${'%E0%A4%%zz%'.repeat((256 * KB) / 11)}` },
    { name: 'lone surrogates escaped (64 KB)', input: `${GOOGLE}&scope=${'%ED%A0%80'.repeat((64 * KB) / 9)}` },
    { name: '100,000 "+" separators', input: `${GOOGLE}&scope=${'+'.repeat(100_000)}` },
    { name: '100,000 "&" separators', input: `${GOOGLE}${'&'.repeat(100_000)}&scope=openid` },
    {
      name: 'Slack user_scope repeating 1,000 bot scopes 20 times',
      input: `https://slack.com/oauth/v2/authorize?client_id=1.2&scope=${Array.from({ length: 1000 }, (_, index) => `s${index}`).join(',')}&user_scope=${Array.from({ length: 20 }, () => Array.from({ length: 1000 }, (_, index) => `s${index}`).join(',')).join(',')}`,
    },
    { name: '100,000 "," separators (Slack)', input: `https://slack.com/oauth/v2/authorize?client_id=1.2&scope=${','.repeat(100_000)}` },
    { name: '50,000 "/" in the path', input: `https://login.microsoftonline.com/${'/'.repeat(50_000)}oauth2/v2.0/authorize?client_id=a&scope=openid` },
    { name: '10,000 path segments', input: `https://login.microsoftonline.com/${'a/'.repeat(10_000)}oauth2/v2.0/authorize?client_id=a&scope=openid` },
    { name: '10,000 scopes', input: `${GRAPH}&scope=${manyScopes.join('%20')}` },
    { name: '10,000 duplicate scopes', input: `${GRAPH}&scope=${'Mail.Read%20'.repeat(10_000)}` },
    { name: '10,000 scope parameters', input: `${GRAPH}${'&scope=Mail.Read'.repeat(10_000)}` },
    { name: '10,000 conflicting client_id', input: `${GOOGLE}${Array.from({ length: 10_000 }, (_, index) => `&client_id=c${index}`).join('')}&scope=openid` },
    { name: '20,000 distinct parameters', input: `${GOOGLE}&scope=openid${Array.from({ length: 20_000 }, (_, index) => `&p${index}=v`).join('')}` },
    // Padding past the parameter cap, with what the request asks for only at the end: read, not dropped.
    { name: '20,000 parameters before client_id', input: `https://accounts.google.com/o/oauth2/v2/auth?${Array.from({ length: 20_000 }, (_, index) => `p${index}=v`).join('&')}&client_id=1-a.apps.googleusercontent.com&response_type=code&scope=openid` },
    { name: '100,000 names without "=" then 1 MB', input: `${GOOGLE}${'&a'.repeat(100_000)}&${'c'.repeat(KB * KB)}=&scope=openid` },
    { name: 'javascript: URL', input: `javascript:alert(1)//?client_id=a&response_type=code&scope=${'openid%20'.repeat(1000)}` },
    { name: 'data: URL (256 KB)', input: `data:text/html;base64,${'QUFB'.repeat((256 * KB) / 4)}?client_id=a&scope=openid` },
    { name: 'NUL and CRLF inside', input: `${GOOGLE}&scope=openid%00email\r\nSet-Cookie:%20a=b\u0000&redirect_uri=https://a.test/%0d%0a` },
    { name: 'raw NUL bytes (64 KB)', input: `${GOOGLE}&scope=${'\u0000'.repeat(64 * KB)}` },
    { name: 'nested authorization URLs (12 deep)', input: nestedAuthorizationUrl(12) },
    { name: 'authority with 10,000 "@"', input: `https://${'login.microsoftonline.com@'.repeat(10_000)}attacker.test/common/oauth2/v2.0/authorize?client_id=a&scope=openid` },
    { name: '64 KB host name', input: `https://${'a.'.repeat(32 * KB)}okta.com/oauth2/v1/authorize?client_id=a&scope=openid` },
    { name: 'punycode look-alike host', input: 'https://xn--lgin-microsoftonline-7xb.com/common/oauth2/v2.0/authorize?client_id=a&response_type=code&scope=Mail.Read' },
    { name: '256 KB of spaces', input: `${' '.repeat(128 * KB)}${GOOGLE}&scope=openid${' '.repeat(128 * KB)}` },
    { name: '256 KB fragment token', input: `https://app.example.com/callback#access_token=${'t'.repeat(256 * KB)}` },
    // One character under Chromium's 2 MiB URL limit, so it is read rather than refused for its length.
    { name: 'URL of 2 MiB - 1', input: `${GOOGLE}&scope=openid&state=`.padEnd(2 * KB * KB - 1, 's') },
    { name: '10,000 "%" signs', input: `${GOOGLE}&scope=${'%'.repeat(10_000)}` },
    { name: 'IPv6 and port noise', input: `https://[::ffff:127.0.0.1]:${'0'.repeat(10_000)}443/authorize?client_id=a&scope=openid` },
  ];
}
