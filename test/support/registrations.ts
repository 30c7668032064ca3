// What the app registers with Bolt, recorded by standing in for Bolt's App (only its registration methods):
// the manifest test and the every-listener refusal test enumerate the listeners from here.
import type { App } from '@slack/bolt';
import type { DigestScheduler } from '../../src/jobs/digest-scheduler.ts';
import { fixedClock } from '../../src/services/clock.ts';
import type { Services } from '../../src/services/index.ts';
import { registerSlackListeners } from '../../src/slack/register.ts';
import type { UseCases } from '../../src/usecases/index.ts';

export interface Registrations {
  commands: string[];
  events: string[];
  actions: string[];
  views: string[];
  options: string[];
}

export function recordRegistrations(): Registrations {
  const seen: Registrations = { commands: [], events: [], actions: [], views: [], options: [] };
  const recorder = {
    command: (name: string) => seen.commands.push(name),
    event: (name: string) => seen.events.push(name),
    // A listener for numbered action ids is registered with a pattern: recorded as its source text.
    action: (id: string | RegExp) => seen.actions.push(String(id)),
    view: (id: string) => seen.views.push(id),
    options: (id: string) => seen.options.push(id),
    use: () => undefined,
    error: () => undefined,
    logger: console,
  };
  registerSlackListeners(recorder as unknown as App, {
    services: {} as Services,
    useCases: {} as UseCases,
    clock: fixedClock('2026-11-02T10:00:00Z'),
    scheduler: {} as DigestScheduler,
  });
  return seen;
}
