// The app's one logger (Bolt's Logger interface), given to the Bolt App, every Web API client Bolt
// creates, the OAuth installer and our own background clients. Every line is redacted before it is
// written: the configured secrets (signing secret, client secret, state secret, bot and app tokens, the
// token encryption key) and anything shaped like a Slack token (xoxb-, xoxp-, xoxe-, xapp-…, so also
// the tokens of installations, which the app only learns at run time). Libraries log at debug what they
// send and receive (the OAuth code exchange's body carries the client secret), so redaction happens
// here, where every line passes, rather than at each call site.
import { inspect } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';

export const REDACTED = '[REDACTED]';

/** Slack tokens of every kind, rotated ones (`xoxe.xoxp-…`) included. */
const SLACK_TOKEN = /\b(?:xox[a-z](?:\.xox[a-z])?|xapp)-[A-Za-z0-9-]*/g;

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 100,
  [LogLevel.INFO]: 200,
  [LogLevel.WARN]: 300,
  [LogLevel.ERROR]: 400,
};

const LABEL: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: '[DEBUG]',
  [LogLevel.INFO]: '[INFO]',
  [LogLevel.WARN]: '[WARN]',
  [LogLevel.ERROR]: '[ERROR]',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms in which a secret may appear in a line: as is, URL-encoded, JSON-escaped. */
function spellings(secret: string): string[] {
  return [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
}

/** A secret value: a string, or key bytes (redacted in hex, base64 and base64url). */
export type Secret = string | Buffer | undefined;

/** Every secret value as a pattern (longest first, so no part of a longer one is left behind). */
function secretPattern(secrets: Iterable<Secret>): RegExp | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === undefined || secret.length === 0) continue;
    const texts =
      typeof secret === 'string'
        ? [secret]
        : ['hex', 'base64', 'base64url'].map((e) => secret.toString(e as BufferEncoding));
    for (const text of texts) for (const form of spellings(text)) forms.add(form);
  }
  if (forms.size === 0) return undefined;
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Case-insensitive: a hex key may be written in either case.
  return new RegExp(alternatives.join('|'), 'gi');
}

export class RedactingLogger implements Logger {
  private level: LogLevel;
  private name = '';
  private readonly secrets: RegExp | undefined;

  constructor(secrets: Iterable<Secret>, level: LogLevel = LogLevel.INFO) {
    this.secrets = secretPattern(secrets);
    this.level = level;
  }

  /** `text` without any configured secret or Slack token. */
  redact(text: string): string {
    const withoutSecrets = this.secrets ? text.replace(this.secrets, REDACTED) : text;
    return withoutSecrets.replace(SLACK_TOKEN, REDACTED);
  }

  getLevel(): LogLevel {
    return this.level;
  }

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  setName(name: string): void {
    this.name = name;
  }

  debug(...msg: unknown[]): void {
    this.write(LogLevel.DEBUG, msg);
  }

  info(...msg: unknown[]): void {
    this.write(LogLevel.INFO, msg);
  }

  warn(...msg: unknown[]): void {
    this.write(LogLevel.WARN, msg);
  }

  error(...msg: unknown[]): void {
    this.write(LogLevel.ERROR, msg);
  }

  private write(level: LogLevel, msg: unknown[]): void {
    if (SEVERITY[level] < SEVERITY[this.level]) return;
    // Objects and errors are rendered to text first (an error with its stack and fields), so that
    // nothing reaches the console unredacted.
    const text = msg.map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 6 }))).join(' ');
    const line = `${LABEL[level]} ${this.name ? `${this.name} ` : ''}${this.redact(text)}`;
    switch (level) {
      case LogLevel.DEBUG:
        console.debug(line);
        break;
      case LogLevel.INFO:
        console.info(line);
        break;
      case LogLevel.WARN:
        console.warn(line);
        break;
      case LogLevel.ERROR:
        console.error(line);
        break;
    }
  }
}
