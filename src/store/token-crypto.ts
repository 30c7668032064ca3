// Encryption of Slack tokens at rest: AES-256-GCM, a fresh random 12-byte IV per value, the 16-byte
// authentication tag checked on every read. A sealed value reads `v1:<base64 of iv | tag | ciphertext>`;
// the version prefix leaves room for another scheme (or key) later. An optional context (the row's
// install key) is bound in as additional authenticated data, so a value copied onto another row is
// refused like a tampered one. A wrong key or altered data is always an error, never garbage.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** Raised when a sealed value cannot be opened: wrong key, altered data, or not a sealed value at all. */
export class TokenDecryptionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TokenDecryptionError';
  }
}

/**
 * Reads a 32-byte key written as 64 hexadecimal characters or as base64 (standard or URL-safe, with or
 * without padding). Returns the key, or a sentence saying what is wrong (without echoing the value).
 */
export function parseEncryptionKey(text: string): { ok: true; key: Buffer } | { ok: false; problem: string } {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return { ok: true, key: Buffer.from(value, 'hex') };
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === KEY_BYTES) return { ok: true, key };
  }
  return {
    ok: false,
    problem: `must be ${KEY_BYTES} random bytes written as 64 hexadecimal characters or as base64 (for example the output of \`openssl rand -hex 32\`)`,
  };
}

export class TokenCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) {
      throw new RangeError(`The token encryption key must be ${KEY_BYTES} bytes long, not ${key.length}.`);
    }
    this.key = Buffer.from(key);
  }

  /** Seals `plaintext`; `context` (if given) must be given again, unchanged, to open it. */
  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${VERSION}:${Buffer.concat([iv, tag, ciphertext]).toString('base64')}`;
  }

  decrypt(sealed: string, context = ''): string {
    const separator = sealed.indexOf(':');
    const version = separator < 0 ? '' : sealed.slice(0, separator);
    if (version !== VERSION) {
      throw new TokenDecryptionError(
        'The stored value is not in a known encrypted format (expected "v1:…"); it was not written by this app or was altered.',
      );
    }
    const raw = Buffer.from(sealed.slice(separator + 1), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) {
      throw new TokenDecryptionError('The stored encrypted value is truncated or altered.');
    }
    const iv = raw.subarray(0, IV_BYTES);
    const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const ciphertext = raw.subarray(IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new TokenDecryptionError(
        'The stored encrypted value cannot be decrypted: TOKEN_ENCRYPTION_KEY is not the key it was encrypted with, or the data was altered.',
        { cause: error },
      );
    }
  }
}
