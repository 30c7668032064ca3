import { describe, expect, it } from 'vitest';
import { contextIdOf, contextMetadata } from '../../../src/slack/blocks/metadata.ts';

describe('private_metadata', () => {
  it('carries the id of the form context and nothing else', () => {
    const id = '0123456789abcdef0123456789abcdef';
    expect(contextMetadata(id)).toBe(id);
    expect(contextIdOf(contextMetadata(id))).toBe(id);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['the old JSON ids', '{"no":"OP00001","version":7,"channelId":"C0123ABC"}'],
    ['upper case', '0123456789ABCDEF0123456789ABCDEF'],
    ['too short', '0123456789abcdef'],
    ['too long', '0123456789abcdef0123456789abcdef0'],
    ['padded', ' 0123456789abcdef0123456789abcdef'],
  ])('rejects %s', (_name, text) => {
    expect(contextIdOf(text)).toBeNull();
  });

  it('refuses to carry anything but a context id', () => {
    expect(() => contextMetadata('{"no":"OP00001"}')).toThrow();
  });
});
