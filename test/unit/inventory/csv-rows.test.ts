import { describe, expect, it } from 'vitest';
import { CsvRows, type CsvProblem, type CsvRecord } from '../../../lib/inventory/csv-rows';

function read(chunks: readonly string[], maxRecordLength?: number): { records: CsvRecord[]; problems: CsvProblem[] } {
  const rows = new CsvRows(maxRecordLength);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  for (const chunk of chunks) rows.push(chunk, records, problems);
  rows.end(records, problems);
  return { records, problems };
}

describe('CsvRows', () => {
  it.each<[string, string, string[][], number[]]>([
    ['plain rows with CRLF', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']], [1, 2]],
    ['LF and no final line break', 'a,b\nc,d', [['a', 'b'], ['c', 'd']], [1, 2]],
    ['empty cells', ',,\r\n', [['', '', '']], [1]],
    ['a quoted comma', '"a,b",c\r\n', [['a,b', 'c']], [1]],
    ['doubled quotes', '"say ""hi""",x\r\n', [['say "hi"', 'x']], [1]],
    ['a quoted line break; the next record starts two lines on', '"one\r\ntwo",x\r\ny,z\r\n', [['one\r\ntwo', 'x'], ['y', 'z']], [1, 3]],
    ['blank lines are no records', 'a\r\n\r\n\nb\r\n', [['a'], ['b']], [1, 4]],
    ['an empty quoted cell', '"",x\n', [['', 'x']], [1]],
  ])('%s', (_name, text, cells, lines) => {
    const { records, problems } = read([text]);
    expect(problems).toEqual([]);
    expect(records.map((record) => record.cells)).toEqual(cells);
    expect(records.map((record) => record.line)).toEqual(lines);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'id,name\r\n"1","a ""quoted"", name"\r\n2,"multi\nline"\r\n3,plain\r\n';
    const whole = read([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(read([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(read([...text])).toEqual(whole);
  });

  it.each<[string, string, CsvProblem[]]>([
    ['a quote that never closes', 'a,b\r\n"open,c\r\nd\r\n', [{ line: 2, reason: 'a quoted field is never closed' }]],
    ['text after a closing quote', '"a"b,c\r\nd,e\r\n', [{ line: 1, reason: 'text after a closing quote' }]],
  ])('reports %s with its line', (_name, text, expected) => {
    expect(read([text]).problems).toEqual(expected);
  });

  it('refuses a record past the length limit without keeping it, and reads on', () => {
    const { records, problems } = read([`${'x'.repeat(50)},y\r\nok,1\r\n`], 20);
    expect(problems).toEqual([{ line: 1, reason: 'the record is longer than 20 characters' }]);
    expect(records).toEqual([{ cells: ['ok', '1'], line: 2 }]);
  });
});
