// The fake Slack Web API for the ack-latency benchmark, in a process of its own: answering the app's
// replies (large Block Kit JSON) must not hold up the event loop that times the acks. The parent asks
// it over IPC for response URLs and for the number of calls received.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type FakeSlack, type FakeSlackCall, type JsonObject, startFakeSlack } from '../support/fake-slack.ts';
import { allText } from '../support/test-app.ts';

type Ask =
  | { op: 'responseUrls'; count: number }
  | { op: 'callCount' | 'callSummary' }
  | { op: 'openedView'; triggerId: string; timeoutMs: number }
  | { op: 'callRecords'; from: number }
  | { op: 'acceptAckedView'; view: JsonObject };
type Request = Ask & { id: number };

/** One Web API call (or response_url post), reduced to what tells a request's outcome. */
export interface CallRecord {
  method: string;
  /** response_url: its id; chat.*: the channel and ts; views.*: the trigger, external id, user. */
  id?: string;
  channel?: string;
  ts?: string;
  user?: string;
  triggerId?: string;
  externalId?: string;
  callbackId?: string;
  /** The message's text, or a view's title and text. */
  text: string;
  /** Date.now() in the fake Slack's process when the call arrived. */
  at: number;
}

/** A view the app opened: what a person fills in and submits. */
export interface OpenedView {
  callbackId: string;
  privateMetadata: string;
  blocks: unknown[];
}

/** The Web API calls received, by what they were: posts in channels, posts to people (DMs), updates. */
export interface CallSummary {
  total: number;
  channelPosts: number;
  directPosts: number;
  updates: number;
  /** Replies (response_url) that refused something (":warning: …"), and the first few of them. */
  refusals: number;
  firstRefusals: string[];
}

export interface RemoteFakeSlack {
  url: string;
  responseUrls(count: number): Promise<string[]>;
  callCount(): Promise<number>;
  callSummary(): Promise<CallSummary>;
  /** The view opened with views.open for this trigger, once it is (null after `timeoutMs`). */
  openedView(triggerId: string, timeoutMs: number): Promise<OpenedView | null>;
  /** Every call from the `from`-th on, reduced (see CallRecord). */
  callRecords(from: number): Promise<CallRecord[]>;
  /** A view an app's ack pushed: Slack knows it from then on (FakeSlack.acceptAckedView). */
  acceptAckedView(view: JsonObject): Promise<void>;
  close(): Promise<void>;
}

/** Waits until the app has made no Web API call for 3 s, or `limitSeconds`; returns the seconds waited. */
export async function waitDrained(fake: RemoteFakeSlack, limitSeconds: number): Promise<number> {
  const start = performance.now();
  let seen = -1;
  let still = 0;
  while (performance.now() - start < limitSeconds * 1000) {
    const now = await fake.callCount();
    still = now === seen ? still + 1 : 0;
    seen = now;
    if (still >= 3) return (performance.now() - start) / 1000 - 3;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return (performance.now() - start) / 1000;
}

export async function startFakeSlackProcess(): Promise<RemoteFakeSlack> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake Slack process exited with ${code}`)));
    child.on('message', (message: { id?: number; url?: string; result?: unknown }) => {
      if (message.url) resolve(message.url);
      else if (message.id !== undefined) pending.get(message.id)?.(message.result);
    });
  });
  const ask = <T>(request: Ask): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (value) => {
        pending.delete(id);
        resolve(value as T);
      });
      child.send({ ...request, id });
    });
  return {
    url,
    responseUrls: (count) => ask({ op: 'responseUrls', count }),
    callCount: () => ask({ op: 'callCount' }),
    callSummary: () => ask({ op: 'callSummary' }),
    openedView: (triggerId, timeoutMs) => ask({ op: 'openedView', triggerId, timeoutMs }),
    callRecords: (from) => ask({ op: 'callRecords', from }),
    acceptAckedView: (view) => ask({ op: 'acceptAckedView', view }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function summarise(calls: readonly FakeSlackCall[]): CallSummary {
  const summary: CallSummary = {
    total: calls.length,
    channelPosts: 0,
    directPosts: 0,
    updates: 0,
    refusals: 0,
    firstRefusals: [],
  };
  for (const call of calls) {
    if (call.method === 'response_url') {
      const text = String(call.args.text ?? '');
      if (text.startsWith(':warning:')) {
        summary.refusals += 1;
        if (summary.firstRefusals.length < 3) summary.firstRefusals.push(text.slice(0, 200));
      }
    } else if (call.method === 'chat.update') summary.updates += 1;
    else if (call.method === 'chat.postMessage') {
      if (/^[UW]/.test(String(call.args.channel))) summary.directPosts += 1;
      else summary.channelPosts += 1;
    }
  }
  return summary;
}

function recordOf(call: FakeSlackCall): CallRecord {
  const { args } = call;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const view = typeof args.view === 'object' && args.view !== null ? (args.view as Record<string, unknown>) : undefined;
  const record: CallRecord = {
    method: call.method,
    text: view ? allText([view.title, view.blocks]) : (text(args.text) ?? ''),
    at: call.at,
  };
  const fields: [keyof CallRecord, string | undefined][] = [
    ['id', call.id],
    ['channel', text(args.channel)],
    ['ts', text(args.ts)],
    ['user', text(args.user_id) ?? text(args.user)],
    ['triggerId', text(args.trigger_id)],
    ['externalId', text(args.external_id)],
    ['callbackId', text(view?.callback_id)],
  ];
  for (const [key, value] of fields)
    if (value !== undefined) (record as unknown as Record<string, string>)[key] = value;
  return record;
}

async function answer(fake: FakeSlack, request: Ask): Promise<unknown> {
  switch (request.op) {
    case 'responseUrls':
      return Array.from({ length: request.count }, () => fake.responseUrl());
    case 'callSummary':
      return summarise(fake.calls());
    case 'callCount':
      return fake.calls().length;
    case 'callRecords':
      return fake.calls().slice(request.from).map(recordOf);
    case 'acceptAckedView':
      fake.acceptAckedView(request.view);
      return undefined;
    case 'openedView': {
      const call = await fake
        .waitFor('views.open', (c) => c.args.trigger_id === request.triggerId, request.timeoutMs)
        .catch(() => null);
      const view = call?.args.view as Record<string, unknown> | undefined;
      return view
        ? {
            callbackId: String(view.callback_id ?? ''),
            privateMetadata: String(view.private_metadata ?? ''),
            blocks: view.blocks,
          }
        : null;
    }
  }
}

// Run as the child process: serve, and answer the parent.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const fake = await startFakeSlack();
  process.on('message', (request: Request) => {
    void answer(fake, request).then((result) => process.send?.({ id: request.id, result }));
  });
  process.once('SIGTERM', () => void fake.close().then(() => process.exit(0)));
  process.send({ url: fake.url });
}
