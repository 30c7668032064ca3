// The environment, parsed once with zod. Nothing else reads process.env.
import { z } from 'zod';
import { parseEncryptionKey } from './store/token-crypto.ts';

/** Where the app serves the OAuth redirect (Bolt's installerOptions.redirectUriPath). */
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';
/** Where the install link starts the OAuth flow (Bolt's installerOptions.installPath). */
export const OAUTH_INSTALL_PATH = '/slack/install';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const environmentSchema = z.object({
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine(
    (v) => v === undefined || v.startsWith('xoxb-'),
    'must be a bot token starting with xoxb-',
  ),
  SLACK_APP_TOKEN: optionalText.refine(
    (v) => v === undefined || v.startsWith('xapp-'),
    'must be an app-level token starting with xapp-',
  ),
  SLACK_API_URL: optionalText.refine(
    (v) => v === undefined || URL.canParse(v),
    'must be a URL such as http://127.0.0.1:4000/api/',
  ),
  PORT: optionalText
    .transform((v) => (v === undefined ? 3000 : Number(v)))
    .refine((v) => Number.isInteger(v) && v >= 0 && v <= 65_535, 'must be a port number from 0 to 65535'),
  HOST: optionalText,
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must be a PostgreSQL URL such as postgres://user@localhost:5432/pipeline',
  ),
  DATA_DIR: optionalText.transform((v) => v ?? './data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 16,
    'must be at least 16 characters: a random string of your own (for example `openssl rand -hex 32`)',
  ),
  SLACK_REDIRECT_URI: optionalText
    .refine(
      (v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)),
      `must be a URL such as https://pipeline.example.com${OAUTH_REDIRECT_PATH}`,
    )
    .refine(
      (v) => v === undefined || !URL.canParse(v) || new URL(v).pathname === OAUTH_REDIRECT_PATH,
      `must end with ${OAUTH_REDIRECT_PATH}, the path where the app receives Slack's OAuth redirect`,
    ),
  TOKEN_ENCRYPTION_KEY: optionalText.superRefine((v, ctx) => {
    if (v === undefined) return;
    const parsed = parseEncryptionKey(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
  }),
});

/** Distributed mode: each workspace installs the app through Slack's OAuth flow. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** 32 bytes; the installations (tokens included) are stored encrypted with it. */
  tokenEncryptionKey: Buffer;
  /** Sent to Slack as redirect_uri; unset: Slack uses the app's only configured redirect URL. */
  redirectUri: string | undefined;
}

/** Single-workspace mode: one bot token from the app's settings page. */
export interface SingleWorkspaceSlackConfig {
  signingSecret: string;
  botToken: string;
  appToken: string | undefined;
  apiUrl: string | undefined;
  oauth?: undefined;
}

export interface OAuthSlackConfig {
  signingSecret: string;
  botToken?: undefined;
  /** OAuth mode runs over HTTP only (no Socket Mode). */
  appToken?: undefined;
  apiUrl: string | undefined;
  oauth: OAuthSettings;
}

export interface Config {
  slack: SingleWorkspaceSlackConfig | OAuthSlackConfig;
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Every problem is a sentence naming the variable, so the operator can fix them all at once. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = environmentSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')} ${issue.message}.`);
    }
    return { ok: false, problems };
  }
  const e = parsed.data;
  const oauthVariables = {
    SLACK_CLIENT_ID: e.SLACK_CLIENT_ID,
    SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET,
    SLACK_STATE_SECRET: e.SLACK_STATE_SECRET,
  };
  const oauthGiven = Object.entries(oauthVariables).filter(([, v]) => v !== undefined);
  const common = {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL ?? 'info',
  } as const;

  if (oauthGiven.length > 0) {
    // Distributed (OAuth) mode: every workspace installs the app; no bot token of our own.
    const missing = Object.entries(oauthVariables)
      .filter(([, v]) => v === undefined)
      .map(([name]) => name);
    for (const name of missing) {
      problems.push(
        `${name} is missing: installing the app in several workspaces (OAuth) needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together (${oauthGiven.map(([n]) => n).join(' and ')} ${oauthGiven.length === 1 ? 'is' : 'are'} set).`,
      );
    }
    if (e.SLACK_BOT_TOKEN) {
      problems.push(
        "SLACK_BOT_TOKEN must not be set together with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET: choose one install mode, a single workspace with its bot token, or installation through OAuth (each workspace's token is then stored when it installs).",
      );
    }
    if (e.SLACK_APP_TOKEN) {
      problems.push(
        'SLACK_APP_TOKEN (Socket Mode) cannot be combined with installation through OAuth: in OAuth mode Slack reaches the app over HTTP, so unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET.',
      );
    }
    if (!e.SLACK_SIGNING_SECRET) {
      problems.push(
        'SLACK_SIGNING_SECRET is missing: the signing secret from "Basic Information" (installation through OAuth receives every request over HTTP).',
      );
    }
    if (!e.TOKEN_ENCRYPTION_KEY) {
      problems.push(
        "TOKEN_ENCRYPTION_KEY is missing: installation through OAuth stores each workspace's tokens encrypted with it; set it to 32 random bytes as 64 hexadecimal characters (`openssl rand -hex 32`) and keep it: without it the stored installations cannot be read.",
      );
    }
    const key = e.TOKEN_ENCRYPTION_KEY ? parseEncryptionKey(e.TOKEN_ENCRYPTION_KEY) : undefined;
    if (
      problems.length > 0 ||
      !key?.ok ||
      !e.SLACK_CLIENT_ID ||
      !e.SLACK_CLIENT_SECRET ||
      !e.SLACK_STATE_SECRET ||
      !e.SLACK_SIGNING_SECRET
    ) {
      return { ok: false, problems };
    }
    return {
      ok: true,
      config: {
        slack: {
          signingSecret: e.SLACK_SIGNING_SECRET,
          apiUrl: e.SLACK_API_URL,
          oauth: {
            clientId: e.SLACK_CLIENT_ID,
            clientSecret: e.SLACK_CLIENT_SECRET,
            stateSecret: e.SLACK_STATE_SECRET,
            tokenEncryptionKey: key.key,
            redirectUri: e.SLACK_REDIRECT_URI,
          },
        },
        ...common,
      },
    };
  }

  if (!e.SLACK_BOT_TOKEN)
    problems.push(
      'SLACK_BOT_TOKEN is missing: the bot token (xoxb-…) from "OAuth & Permissions" (or, to let several workspaces install the app, set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and TOKEN_ENCRYPTION_KEY instead).',
    );
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: the signing secret from "Basic Information" (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  }
  if (e.SLACK_REDIRECT_URI) {
    problems.push(
      'SLACK_REDIRECT_URI is only used when installing through OAuth: set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET too, or unset it.',
    );
  }
  if (problems.length > 0 || !e.SLACK_BOT_TOKEN) return { ok: false, problems };
  return {
    ok: true,
    config: {
      slack: {
        signingSecret: e.SLACK_SIGNING_SECRET ?? '',
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
      },
      ...common,
    },
  };
}

/** The variables that connect the app to Slack; with none of them set, `npm start` opens the playground. */
export const SLACK_CREDENTIAL_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
] as const;

/** True when no Slack credential is set at all (blank values count as unset). */
export function hasNoSlackCredentials(env: Record<string, string | undefined>): boolean {
  return SLACK_CREDENTIAL_VARIABLES.every((name) => (env[name] ?? '').trim() === '');
}

/** Everything but Slack: what the playground reads (it brings its own stand-in for Slack). */
export type LocalSettings = Omit<Config, 'slack'>;

export function parseLocalSettings(
  env: Record<string, string | undefined>,
): { ok: true; settings: LocalSettings } | { ok: false; problems: string[] } {
  const local = environmentSchema.pick({ PORT: true, HOST: true, DATABASE_URL: true, DATA_DIR: true, LOG_LEVEL: true });
  const parsed = local.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}.`) };
  }
  const e = parsed.data;
  return {
    ok: true,
    settings: {
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      logLevel: e.LOG_LEVEL ?? 'info',
    },
  };
}
