import { describe, expect, it } from 'vitest';
import { parseAmount, parsePercent, readAmount, readPercent, readQuantity } from '../../../src/domain/amounts.ts';

describe('parseAmount', () => {
  const valid: [string, string][] = [
    ['12000', '12000'],
    ['12,000', '12000'],
    ['12000.50', '12000.5'],
    ['12 000', '12000'],
    ['12\u00a0000', '12000'],
    ['12 000,50', '12000.5'],
    ['12 000.50', '12000.5'],
    ["1'000", '1000'],
    ['1,234,567.89', '1234567.89'],
    ['1.234.567', '1234567'],
    ['12.000,50', '12000.5'],
    ['12,5', '12.5'],
    ['12,50', '12.5'],
    ['12,00', '12'],
    ['$12,000', '12000'],
    ['€ 12 000', '12000'],
    ['12k', '12000'],
    ['1.5m', '1500000'],
    ['0', '0'],
    ['.5', '0.5'],
    ['999999999999.99', '999999999999.99'],
    ['12000.500', '12000.5'],
  ];
  it.each(valid)('%s → %s', (text, expected) => {
    expect(parseAmount(text)?.toFixed()).toBe(expected);
  });

  const invalid: [string, string][] = [
    ['abc', 'not-a-number'],
    ['', 'not-a-number'],
    ['12,0000', 'not-a-number'],
    ['1,2345', 'not-a-number'],
    ['12.000', 'ambiguous'],
    ['1.500', 'ambiguous'],
    ['12.345', 'ambiguous'],
    ['12.3456', 'too-many-decimals'],
    ['1.001k', 'ambiguous'],
    ['-5', 'out-of-range'],
    ['1000000000000', 'out-of-range'],
    ['12 00', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['0x10', 'not-a-number'],
  ];
  it.each(invalid)('%s is refused (%s)', (text, issue) => {
    expect(parseAmount(text)).toBeUndefined();
    const reading = readAmount(text);
    expect(reading.ok ? 'ok' : reading.issue).toBe(issue);
  });
});

describe('parsePercent', () => {
  it.each([
    ['40', '40'],
    ['40%', '40'],
    ['40 %', '40'],
    ['12.5%', '12.5'],
    ['12,5%', '12.5'],
    ['0', '0'],
    ['100', '100'],
    ['99.99', '99.99'],
  ])('%s → %s', (text, expected) => {
    expect(parsePercent(text)?.toFixed()).toBe(expected);
  });
  it.each([
    ['100.01', 'out-of-range'],
    ['-1', 'out-of-range'],
    ['12.555', 'ambiguous'],
    ['1.2345', 'too-many-decimals'],
    ['forty', 'not-a-number'],
    ['40%%', 'not-a-number'],
    ['$40', 'not-a-number'],
    ['4k', 'not-a-number'],
  ])('%s is refused (%s)', (text, issue) => {
    expect(parsePercent(text)).toBeUndefined();
    const reading = readPercent(text);
    expect(reading.ok ? 'ok' : reading.issue).toBe(issue);
  });
});

describe('readQuantity', () => {
  it('allows 5 decimals and refuses the 3-digit dot ambiguity', () => {
    const q = readQuantity('2.12345');
    expect(q.ok && q.value.toFixed()).toBe('2.12345');
    const a = readQuantity('1.500');
    expect(a.ok ? 'ok' : a.issue).toBe('ambiguous');
  });
});
