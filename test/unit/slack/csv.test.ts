import { describe, expect, it } from 'vitest';
import { csvField, csvFilename, guardFormula, opportunitiesCsv } from '../../../src/slack/csv.ts';
import { d, detail, entry, n, summary } from '../blocks/fixtures.ts';
import { enUS } from '../../support/presenter.ts';

/** A small RFC 4180 reader: records end in CRLF, quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      expect(c, `bare ${JSON.stringify(c)} outside quotes at ${i}`).not.toMatch(/["\r\n]/);
      field += c;
      i++;
    }
  }
  expect(quoted, 'quotes closed').toBe(false);
  expect(field === '' && record.length === 0, 'the file ends with CRLF').toBe(true);
  return records;
}

const HEADER = [
  'No.',
  'Description',
  'Status',
  'Stage',
  'Stage description',
  'Contact',
  'Company',
  'Salesperson',
  'Sales cycle',
  'Estimated value (USD)',
  'Chances %',
  'Completed %',
  'Probability %',
  'Calculated current value (USD)',
  'Estimated closing date',
  'Creation date',
  'Date closed',
  'Quote',
  'Order',
  'Close code',
  'Close code description',
  'Priority',
  'Last change date',
  'Weighted value (USD)',
];

describe('opportunities CSV', () => {
  it('a header row and one record per opportunity, numbers with a dot and ISO dates', () => {
    const csv = opportunitiesCsv(enUS, [summary(1, { quote: { no: 'SQ00001', amount: n(12000) } })], 'USD');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [header, row] = parseCsv(csv);
    expect(header).toEqual(HEADER);
    expect(row).toEqual([
      'OP00001',
      'Deal 1',
      'In progress',
      '2',
      'Needs analysis',
      'Jane Doe',
      'Acme Corp',
      'Ann Smith',
      'FIRM',
      '12000.50',
      '50',
      '40',
      '20',
      '2400.10',
      '2026-12-15',
      '2026-02-27',
      '',
      'SQ00001',
      '',
      '',
      '',
      'High',
      '2026-03-10',
      '2400.10',
    ]);
  });

  it('round-trips quotes, commas, line breaks and unicode, and defuses formula-looking text', () => {
    const tricky = [
      'Chairs, "ergonomic", 40 pcs',
      'Line one\nline two\r\nline three',
      'Bürostühle für Zürich — 東京 😀',
      '=HYPERLINK("http://evil.example","click")',
      '+1 upsell',
      '-5% discount',
      '@SUM(A1:A2)',
      '\tTabbed',
      '\rCarriage',
      'Plain text',
    ];
    const items = tricky.map((description, i) =>
      summary(i + 1, {
        description,
        contact: { no: 'CT1', name: 'Acme, Inc.', type: 'company', companyName: null },
        salesperson: { code: 'Z', name: 'Zoë "Z" Ñandú', slackUserId: null },
      }),
    );
    const records = parseCsv(opportunitiesCsv(enUS, items, 'USD'));
    expect(records).toHaveLength(items.length + 1);
    const described = records.slice(1).map((r) => r[1]);
    expect(described).toEqual([
      'Chairs, "ergonomic", 40 pcs',
      'Line one\nline two\r\nline three',
      'Bürostühle für Zürich — 東京 😀',
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1 upsell",
      "'-5% discount",
      "'@SUM(A1:A2)",
      "'\tTabbed",
      "'\rCarriage",
      'Plain text',
    ]);
    for (const r of records.slice(1)) {
      expect(r).toHaveLength(HEADER.length);
      expect(r[5]).toBe('Acme, Inc.');
      expect(r[6]).toBe('Acme, Inc.'); // a company contact is its own company
      expect(r[7]).toBe('Zoë "Z" Ñandú');
    }
  });

  it('closed and not started opportunities leave the stage empty; numbers are never formulas or grouped', () => {
    const { history: _h, ...won } = detail('won', { order: { no: 'SO00001', amount: n(11500) } });
    const notStarted = summary(2, { status: 'not_started', current: null });
    const big = summary(3, {
      current: entry({ estimatedValue: n('1234567.005'), calcdCurrentValue: n('0.1'), chancesPct: n('33.333') }),
    });
    const [, wonRow, notStartedRow, bigRow] = parseCsv(opportunitiesCsv(enUS, [won, notStarted, big], 'EUR'));
    expect(wonRow?.slice(2, 5)).toEqual(['Won', '', '']);
    expect(wonRow?.[13]).toBe('11500.00');
    expect(wonRow?.[16]).toBe('2026-04-02');
    expect(wonRow?.[18]).toBe('SO00001');
    expect(notStartedRow?.slice(2, 5)).toEqual(['Not started', '', '']);
    expect(notStartedRow?.slice(9, 15)).toEqual(['', '', '', '', '', '']);
    expect(bigRow?.[9]).toBe('1234567.01');
    expect(bigRow?.[10]).toBe('33.333');
    expect(bigRow?.[13]).toBe('0.10');
  });

  it('an empty export is the header row alone', () => {
    const csv = opportunitiesCsv(enUS, [], 'USD');
    expect(parseCsv(csv)).toEqual([HEADER]);
  });

  it('field quoting and formula guard follow RFC 4180 and the usual spreadsheet rules', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(guardFormula('=1+1')).toBe("'=1+1");
    expect(guardFormula('1+1')).toBe('1+1');
    expect(guardFormula('')).toBe('');
  });
});

describe('CSV file name', () => {
  it('the prefix as a slug, then the date', () => {
    expect(csvFilename(enUS, 'opportunities', d('2026-12-15'))).toBe('opportunities-2026-12-15.csv');
    expect(csvFilename(enUS, 'Open deals: Zürich / Q4!', d('2026-12-15'))).toBe('open-deals-zurich-q4-2026-12-15.csv');
    expect(csvFilename(enUS, '  ', d('2026-01-02'))).toBe('opportunities-2026-01-02.csv');
    expect(csvFilename(enUS, '../../etc/passwd', d('2026-01-02'))).toBe('etc-passwd-2026-01-02.csv');
  });
});
