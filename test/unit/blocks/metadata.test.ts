import { describe, expect, it } from 'vitest';
import { decodeMetadata, encodeMetadata } from '../../../src/slack/blocks/metadata.ts';

describe('private_metadata', () => {
  it('round-trips the ids', () => {
    const metadata = { no: 'OP00001', version: 7, channelId: 'C0123ABC', messageTs: '1712345678.000200' };
    const text = encodeMetadata(metadata);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(decodeMetadata(text)).toEqual(metadata);
    expect(decodeMetadata(encodeMetadata({}))).toEqual({});
    expect(decodeMetadata(encodeMetadata({ cycleCode: 'FIRM' }))).toEqual({ cycleCode: 'FIRM' });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not JSON', '{no:OP1'],
    ['an array', '[]'],
    ['null', 'null'],
    ['an unknown key', '{"no":"OP00001","admin":true}'],
    ['a version as text', '{"no":"OP00001","version":"7"}'],
    ['a negative version', '{"version":-1}'],
    ['a fractional version', '{"version":1.5}'],
    ['an object instead of an id', '{"no":{"$ne":null}}'],
    ['markup in the number', '{"no":"<@U1>"}'],
    ['a lower-case number', '{"no":"op00001"}'],
    ['a bad channel', '{"channelId":"#general"}'],
    ['a bad ts', '{"messageTs":"now"}'],
    ['too long', JSON.stringify({ no: 'OP1', pad: 'x'.repeat(3000) })],
  ])('rejects %s', (_name, text) => {
    expect(decodeMetadata(text)).toBeNull();
  });

  it('refuses to encode anything but ids', () => {
    expect(() => encodeMetadata({ no: 'not a number' })).toThrow();
    expect(() => encodeMetadata({ extra: 1 } as never)).toThrow();
  });
});
