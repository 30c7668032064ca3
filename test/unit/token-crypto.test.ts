// Tokens at rest: AES-256-GCM with a fresh IV per value; a wrong key or altered data is an error, never garbage.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEncryptionKey, TokenCipher, TokenDecryptionError } from '../../src/store/token-crypto.ts';

const key = randomBytes(32);
const cipher = new TokenCipher(key);
const TOKEN = 'xoxb-1000000000001-1000000000002-secretbottoken';

function unpack(sealed: string): Buffer {
  return Buffer.from(sealed.slice('v1:'.length), 'base64');
}

function repack(raw: Buffer): string {
  return `v1:${raw.toString('base64')}`;
}

describe('TokenCipher', () => {
  it('round-trips any text, with or without a context', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (plaintext, context) => {
        expect(cipher.decrypt(cipher.encrypt(plaintext), '')).toBe(plaintext);
        expect(cipher.decrypt(cipher.encrypt(plaintext, context), context)).toBe(plaintext);
      }),
    );
  });

  it('writes a versioned value that does not contain the token, with a fresh 12-byte IV each time', () => {
    const a = cipher.encrypt(TOKEN);
    const b = cipher.encrypt(TOKEN);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(a).not.toContain(TOKEN);
    expect(a).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 20));
    expect(a).not.toBe(b);
    expect(unpack(a).subarray(0, 12).equals(unpack(b).subarray(0, 12))).toBe(false);
    // iv (12) + tag (16) + ciphertext (as long as the text)
    expect(unpack(a).length).toBe(12 + 16 + Buffer.byteLength(TOKEN));
  });

  it('refuses to decrypt with another key', () => {
    const sealed = cipher.encrypt(TOKEN);
    const other = new TokenCipher(randomBytes(32));
    expect(() => other.decrypt(sealed)).toThrow(TokenDecryptionError);
    expect(() => other.decrypt(sealed)).toThrow(/TOKEN_ENCRYPTION_KEY is not the key it was encrypted with/);
  });

  it('refuses a value moved to another context (another installation row)', () => {
    const sealed = cipher.encrypt(TOKEN, 'T:T0001');
    expect(cipher.decrypt(sealed, 'T:T0001')).toBe(TOKEN);
    expect(() => cipher.decrypt(sealed, 'T:T0002')).toThrow(TokenDecryptionError);
  });

  it.each([
    ['a flipped ciphertext bit', (raw: Buffer) => raw.length - 1],
    ['a flipped tag bit', () => 12 + 3],
    ['a flipped IV bit', () => 5],
  ])('refuses %s', (_what, position) => {
    const raw = unpack(cipher.encrypt(TOKEN));
    const at = position(raw);
    raw[at] = (raw[at] ?? 0) ^ 0x01;
    expect(() => cipher.decrypt(repack(raw))).toThrow(TokenDecryptionError);
  });

  it.each([
    ['plain text', TOKEN],
    ['an unknown version', `v9:${unpack(cipher.encrypt(TOKEN)).toString('base64')}`],
    ['a truncated value', repack(unpack(cipher.encrypt(TOKEN)).subarray(0, 20))],
    ['an empty value', ''],
  ])('refuses %s with a sentence, never returning garbage', (_what, sealed) => {
    expect(() => cipher.decrypt(sealed)).toThrow(TokenDecryptionError);
  });

  it('never decrypts a random alteration to something else', () => {
    const sealed = cipher.encrypt(TOKEN);
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (index, mask) => {
        const raw = unpack(sealed);
        const at = index % raw.length;
        raw[at] = (raw[at] ?? 0) ^ mask;
        expect(() => cipher.decrypt(repack(raw))).toThrow(TokenDecryptionError);
      }),
    );
  });

  it('needs a 32-byte key', () => {
    expect(() => new TokenCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('parseEncryptionKey', () => {
  it('reads 64 hex characters and base64 (standard or URL-safe, padded or not)', () => {
    const bytes = randomBytes(32);
    for (const text of [
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      bytes.toString('base64'),
      bytes.toString('base64url'),
      ` ${bytes.toString('base64')}\n`,
    ]) {
      const parsed = parseEncryptionKey(text);
      expect(parsed.ok && parsed.key.equals(bytes)).toBe(true);
    }
  });

  it.each(['', 'abc', randomBytes(31).toString('hex'), randomBytes(33).toString('base64'), 'é'.repeat(64)])(
    'refuses %j with a sentence',
    (text) => {
      const parsed = parseEncryptionKey(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toMatch(/must be 32 random bytes/);
    },
  );
});
