import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS, QueryParameters } from '../../../lib/authorization-url/query-parameters';

describe('QueryParameters', () => {
  it.each([
    ['one parameter', '?client_id=abc', 'client_id', 'abc', ['abc']],
    ['a fragment', '#access_token=t&x=1', 'access_token', 't', ['t']],
    ['no leading ? at all', 'a=1', 'a', '1', ['1']],
    ['a name without a value', '?prompt', 'prompt', '', ['']],
    ['an empty name', '?=x', '', 'x', ['x']],
    ['an = inside the value', '?a=1=2', 'a', '1=2', ['1=2']],
    ['escaped names and values', '?redirect%5Furi=https%3A%2F%2Fa.example%2Fcb', 'redirect_uri', 'https://a.example/cb', ['https://a.example/cb']],
    ['plus in a name and a value', '?a+b=c+d', 'a b', 'c d', ['c d']],
    ['empty pieces between &', '?&&a=1&&', 'a', '1', ['1']],
    ['a repeated name: the first value, and all in order', '?scope=a&x=1&scope=b&scope=c', 'scope', 'a', ['a', 'b', 'c']],
    ['a missing name', '?a=1', 'b', undefined, []],
  ])('%s', (_name, query, name, first, all) => {
    const parameters = new QueryParameters(query, []);
    expect(parameters.has(name)).toBe(first !== undefined);
    expect(parameters.first(name)).toBe(first);
    expect(parameters.all(name)).toEqual(all);
  });

  it.each([
    ['', []],
    ['?a=1&b=2', []],
    ['?a=1&b=2&a=3&b=4&c=5', ['a', 'b']],
    ['?b=1&a=2&b=3', ['b']],
  ])('names the repeated parameters of %j in order of first occurrence', (query, names) => {
    expect(new QueryParameters(query, []).repeatedNames()).toEqual(names);
  });

  it('finds the parameters whose raw value mentions a word, before decoding anything', () => {
    const parameters = new QueryParameters('?continue=https%3A%2F%2Fidp.example%2Fauth%3Fclient_id%3D1&state=client_id&a=b', []);
    expect(parameters.namesWhoseValueMentions('client_id')).toEqual(['continue', 'state']);
  });

  it('reads no further than the cap, except the parameters that decide the judgement', () => {
    const padding = Array.from({ length: MAX_PARAMETERS }, (_, i) => `p${i}=x`).join('&');
    const anomalies: string[] = [];
    const parameters = new QueryParameters(`?${padding}&state=s&client_id=app&scope=openid+email&sc%6Fpe=files`, anomalies);
    expect(parameters.limitReached).toBe(true);
    expect(parameters.first('p0')).toBe('x');
    expect(parameters.has('state')).toBe(false);
    expect(parameters.first('client_id')).toBe('app');
    expect(parameters.all('scope')).toEqual(['openid email', 'files']);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toContain(`the URL has ${MAX_PARAMETERS + 4} parameters`);
  });

  it('keeps one copy of a decisive parameter repeated past the cap', () => {
    const padding = Array.from({ length: MAX_PARAMETERS }, () => 'p=x').join('&');
    const flood = Array.from({ length: 500 }, () => 'scope=openid').join('&');
    const parameters = new QueryParameters(`?${padding}&${flood}&scope=mail`, []);
    expect(parameters.all('scope')).toEqual(['openid', 'mail']);
  });

  it('records nothing for an ordinary query', () => {
    const anomalies: string[] = [];
    const parameters = new QueryParameters('?client_id=a&scope=openid', anomalies);
    expect(parameters.limitReached).toBe(false);
    expect(anomalies).toEqual([]);
  });
});
