import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIEM_FIELDS } from '../../../lib/reporting/siem-fields';

const SIEM = join(import.meta.dirname, '../../../examples/siem');
const query = (name: string): string => readFileSync(join(SIEM, name), 'utf8');

// Microsoft's Kusto language service (the parser and analyzer behind Azure Data Explorer's editors), loaded the way
// it ships: two scripts that define a `Kusto` global.
interface Diagnostic {
  Severity: string;
  Message: string;
  Start: number;
}
interface KustoLanguage {
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): { GetDiagnostics(): { Count: number; getItem(index: number): Diagnostic } } };
  GlobalState: { Default: { WithDatabase(database: unknown): unknown } };
  Symbols: {
    TableSymbol: { $ctor7: new (name: string, schema: string, description: string | null) => unknown };
    DatabaseSymbol: { $ctor3: new (name: string, alternate: string | null, members: unknown[], isOpen: boolean) => unknown };
  };
}
function loadKusto(): KustoLanguage {
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  return (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
}

/** Errors of a KQL query analysed against one table with the given columns. */
function kqlErrors(kusto: KustoLanguage, text: string, table: string, columns: string): string[] {
  const symbol = new kusto.Symbols.TableSymbol.$ctor7(table, columns, null);
  const database = new kusto.Symbols.DatabaseSymbol.$ctor3('consentgate', null, [symbol], false);
  const code = kusto.KustoCode.ParseAndAnalyze(text, kusto.GlobalState.Default.WithDatabase(database));
  const diagnostics = code.GetDiagnostics();
  const errors: string[] = [];
  for (let index = 0; index < diagnostics.Count; index++) {
    const diagnostic = diagnostics.getItem(index);
    if (diagnostic.Severity === 'Error') errors.push(`${diagnostic.Message} (at ${diagnostic.Start})`);
  }
  return errors;
}

const LIST_FIELDS = new Set(['rules', 'scopes']);
const TIME_FIELDS = new Set(['at', 'sentAt']);
/** The Sentinel table the transformation produces: every SIEM field, `at` as TimeGenerated. */
const SENTINEL_COLUMNS = `(${[
  'TimeGenerated:datetime',
  ...SIEM_FIELDS.filter((name) => name !== 'at').map((name) => `${name}:${LIST_FIELDS.has(name) ? 'dynamic' : TIME_FIELDS.has(name) ? 'datetime' : 'string'}`),
].join(', ')})`;

// The Kusto service takes a few seconds to warm up on its first analysis.
describe('SIEM queries', { timeout: 60_000 }, () => {
  const kusto = loadKusto();

  it('the analyser catches an unknown column, so a clean result means something', () => {
    expect(kqlErrors(kusto, 'ConsentGateEvents_CL | summarize dcount(installationID) by provider', 'ConsentGateEvents_CL', SENTINEL_COLUMNS)).toEqual([
      expect.stringContaining("'installationID'"),
    ]);
  });

  it('Sentinel: the inventory query parses and names only columns of the table', () => {
    expect(kqlErrors(kusto, query('inventory.kql'), 'ConsentGateEvents_CL', SENTINEL_COLUMNS)).toEqual([]);
  });

  it('Sentinel: the transformation parses against the payload as it arrives, and produces exactly the table', () => {
    const source = '(format:string, version:long, sentAt:string, installationId:string, extensionVersion:string, events:dynamic)';
    const transform = query('sentinel-transform.kql');
    expect(kqlErrors(kusto, transform, 'source', source)).toEqual([]);
    const projected = [...transform.matchAll(/^\s{4}(\w+) = /gm)].map((match) => match[1]);
    expect(projected.sort()).toEqual(['TimeGenerated', ...SIEM_FIELDS.filter((name) => name !== 'at')].sort());
  });

  /**
   * SPL and ES|QL have no parser that runs offline, so: every field a query reads, i.e. every identifier that is not
   * a keyword or function of the language, a name the query defines itself, or a quoted string, is a SIEM field.
   */
  function unknownFields(text: string, language: { keywords: readonly string[]; defined: RegExp; extra: readonly string[] }): string[] {
    const withoutStrings = text.replace(/"[^"]*"/g, '""');
    const defined = new Set([...withoutStrings.matchAll(language.defined)].map((match) => match[1] as string));
    const known = new Set([...SIEM_FIELDS, ...language.extra, ...defined].map((name) => name.toLowerCase()));
    const keywords = new Set(language.keywords.map((word) => word.toLowerCase()));
    const identifiers = [...withoutStrings.matchAll(/@?[A-Za-z_][\w.{}-]*/g)].map((match) => match[0]).filter((word) => !/^\d/.test(word));
    return [...new Set(identifiers.filter((word) => !keywords.has(word.toLowerCase()) && !known.has(word.toLowerCase())))];
  }

  it('Splunk: the inventory reads only fields of the payload', () => {
    const spl = {
      keywords: ['index', 'sourcetype', 'spath', 'path', 'output', 'input', 'mvexpand', 'dedup', 'fillnull', 'value', 'eval', 'case', 'true', 'stats', 'dc', 'count', 'min', 'max', 'values', 'latest', 'AS', 'BY', 'OR', 'sort', 'table'],
      // `x=` after eval, `AS x`, `output=x`.
      defined: /(?:\beval\s+|\bAS\s+|\boutput=)(\w+)/g,
      // The raw payload's own paths that the search splits: the envelope's event list and each event's fields.
      extra: ['consent_gate', 'events{}', 'event', 'scopes{}'],
    };
    // `path=` names a place in the raw payload, not a record field: checked against the payload's fields below.
    expect(unknownFields(query('inventory.spl').replace(/\bpath=\S+/g, ''), spl)).toEqual([]);
    // Every event field the search lifts out of the payload is a payload field.
    const paths = [...query('inventory.spl').matchAll(/spath input=event path=(\w+)/g)].map((match) => match[1]);
    for (const path of paths) expect(SIEM_FIELDS.map((name) => (name === 'authorizationHost' ? 'host' : name))).toContain(path);
  });

  it('Elastic: the inventory reads only fields of the indexed events', () => {
    const esql = {
      keywords: ['FROM', 'EVAL', 'CASE', 'OR', 'STATS', 'COUNT_DISTINCT', 'COUNT', 'MIN', 'MAX', 'SUM', 'VALUES', 'BY', 'SORT', 'DESC', 'KEEP'],
      defined: /(?:\bEVAL\s+|,\s*|\bSTATS\s+)(\w+)\s*=/g,
      // The index, and the time field Logstash sets from `at`.
      extra: ['consent-gate-events', '@timestamp'],
    };
    expect(unknownFields(query('inventory.esql'), esql)).toEqual([]);
  });

  it('the field check catches a misspelt field', () => {
    const broken = query('inventory.esql').replace('BY provider', 'BY providr');
    const esql = { keywords: ['FROM', 'EVAL', 'CASE', 'OR', 'STATS', 'COUNT_DISTINCT', 'COUNT', 'MIN', 'MAX', 'SUM', 'VALUES', 'BY', 'SORT', 'DESC', 'KEEP'], defined: /(?:\bEVAL\s+|,\s*|\bSTATS\s+)(\w+)\s*=/g, extra: ['consent-gate-events', '@timestamp'] };
    expect(unknownFields(broken, esql)).toEqual(['providr']);
  });
});
