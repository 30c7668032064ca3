// The environment, parsed once with zod. Nothing else reads process.env.
import { z } from 'zod';

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
});

export interface Config {
  slack: {
    signingSecret: string;
    botToken: string;
    appToken: string | undefined;
    apiUrl: string | undefined;
  };
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
  if (!e.SLACK_BOT_TOKEN)
    problems.push('SLACK_BOT_TOKEN is missing: the bot token (xoxb-…) from "OAuth & Permissions".');
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: the signing secret from "Basic Information" (or set SLACK_APP_TOKEN for Socket Mode).',
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
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATA_DIR,
      logLevel: e.LOG_LEVEL ?? 'info',
    },
  };
}
