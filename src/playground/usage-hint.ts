// The hint Slack shows above the message box while a slash command is typed: the command's usage hint
// from the manifest, then, once a subcommand is recognised, its usage line from the command table the
// parser reads (src/slack/grammar/usage.ts), so the hint cannot drift from what the app accepts.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SUBCOMMANDS, type SubcommandId } from '../slack/grammar/usage.ts';

export interface UsageHint {
  command: string;
  description: string;
  /** The usage line for what is typed so far. */
  usage: string;
}

const manifestCommand = z.object({
  features: z.object({
    slash_commands: z.array(z.object({ command: z.string(), description: z.string(), usage_hint: z.string() })).min(1),
  }),
});

let cached: { command: string; description: string; usageHint: string } | undefined;

function slashCommand() {
  if (!cached) {
    const manifest = manifestCommand.parse(
      JSON.parse(readFileSync(new URL('../../manifest/manifest.json', import.meta.url), 'utf8')),
    );
    const first = manifest.features.slash_commands[0] as { command: string; description: string; usage_hint: string };
    cached = { command: first.command, description: first.description, usageHint: first.usage_hint };
  }
  return cached;
}

/** The hint for the message box's text, or null when it is not (the start of) the app's command. */
export function usageHintFor(text: string): UsageHint | null {
  const { command, description, usageHint } = slashCommand();
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('/')) return null;
  const [typedCommand = '', ...rest] = trimmed.split(/\s+/);
  if (rest.length === 0 && !command.startsWith(typedCommand.toLowerCase())) return null;
  if (rest.length > 0 && typedCommand.toLowerCase() !== command) return null;
  const words = rest.filter((w) => w !== '').map((w) => w.toLowerCase());
  const ids = Object.keys(SUBCOMMANDS) as SubcommandId[];
  const two = words.length >= 2 ? `${words[0]} ${words[1]}` : undefined;
  const found =
    ids.find((id) => id === two) ??
    ids.find((id) => id === words[0]) ??
    // `cycle` alone: the group's first action shows what follows.
    (words.length === 1 ? ids.find((id) => id.startsWith(`${words[0]} `)) : undefined);
  return { command, description, usage: found ? `${command} ${SUBCOMMANDS[found].usage}` : `${command} ${usageHint}` };
}
