// The listeners the app registers with Bolt, as registerSlackListeners lists them (Bolt stood in for by
// no-ops): the manifest test and the every-listener refusal test enumerate the listeners from here.
import type { App } from '@slack/bolt';
import type { DigestScheduler } from '../../src/jobs/digest-scheduler.ts';
import { fixedClock } from '../../src/services/clock.ts';
import type { Services } from '../../src/services/index.ts';
import { NUMBERED_ACTION_IDS } from '../../src/slack/ids.ts';
import { registerSlackListeners } from '../../src/slack/register.ts';
import type { UseCases } from '../../src/usecases/index.ts';

export interface Registrations {
  commands: string[];
  events: string[];
  actions: string[];
  views: string[];
  options: string[];
  /** What Bolt itself was given: each call's kind and its first argument (a name, or a constraint). */
  bolt: { kind: string; registered: unknown }[];
}

export function recordRegistrations(): Registrations {
  const bolt: Registrations['bolt'] = [];
  const record = (kind: string) => (registered: unknown) => void bolt.push({ kind, registered });
  const stand = {
    command: record('command'),
    event: record('event'),
    action: record('action'),
    view: record('view'),
    options: record('options'),
    use: () => undefined,
    error: () => undefined,
    logger: console,
  };
  const listeners = registerSlackListeners(stand as unknown as App, {
    services: {} as Services,
    useCases: {} as UseCases,
    clock: fixedClock('2026-11-02T10:00:00Z'),
    scheduler: {} as DigestScheduler,
  });
  return {
    commands: Object.keys(listeners.commands),
    events: Object.keys(listeners.events),
    // A numbered kind answers its numbered ids too (numberedKindOf): named `<kind>_<n>`.
    actions: Object.keys(listeners.actions).map((id) => (NUMBERED_ACTION_IDS.has(id) ? `${id}_<n>` : id)),
    views: Object.keys(listeners.views),
    options: Object.keys(listeners.options),
    bolt,
  };
}
