// The fake Slack Web API for the ack-latency benchmark, in a process of its own: answering the app's
// replies (large Block Kit JSON) must not hold up the event loop that times the acks. The parent asks
// it over IPC for response URLs and for the number of calls received.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type FakeSlackCall, startFakeSlack } from '../support/fake-slack.ts';

type Request = { id: number; op: 'responseUrls'; count: number } | { id: number; op: 'callCount' | 'callSummary' };

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
  close(): Promise<void>;
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
  const ask = <T>(request: { op: 'responseUrls'; count: number } | { op: 'callCount' | 'callSummary' }): Promise<T> =>
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

// Run as the child process: serve, and answer the parent.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const fake = await startFakeSlack();
  process.on('message', (request: Request) => {
    const result =
      request.op === 'responseUrls'
        ? Array.from({ length: request.count }, () => fake.responseUrl())
        : request.op === 'callSummary'
          ? summarise(fake.calls())
          : fake.calls().length;
    process.send?.({ id: request.id, result });
  });
  process.once('SIGTERM', () => void fake.close().then(() => process.exit(0)));
  process.send({ url: fake.url });
}
