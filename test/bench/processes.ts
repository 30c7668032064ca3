// Starting a server as its own process for the benchmarks, reading the URL it reports, and sending it signed requests.
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { signSlackRequest, type SlackRequest } from '../support/slack-requests.ts';

export interface ServerProcess {
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The process id (its memory is read from /proc/<pid>/status). */
  pid: number;
  stop(): Promise<void>;
}

/** Runs `tsx <script>` with `env` and waits for a line containing http://127.0.0.1:<port>. */
export async function startServerProcess(
  script: string,
  env: Record<string, string>,
  startTimeoutMs = 60_000,
): Promise<ServerProcess> {
  // BENCH_PROFILE=<dir> writes a CPU profile of each server process there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    pid: child.pid ?? Number.NaN,
    stop: () =>
      new Promise<void>((resolve) => {
        // Stopped already: exited, or killed by a signal (exitCode stays null then).
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

/**
 * Sends `count` signed requests to an app, `concurrency` at a time, and returns each one's ack latency in
 * ms (a status other than 200 throws).
 */
export async function sendSigned(
  url: string,
  count: number,
  build: (i: number) => SlackRequest,
  concurrency: number,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await postSigned(url, build(i));
      if (response.status !== 200) throw new Error(`request ${i} answered ${response.status}: ${response.text}`);
      latencies.push(response.elapsedMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

/** Connections kept open between the benchmarks' requests, as Slack's own are. */
const keptAlive = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * Sends one request signed as Slack signs it and reads the whole answer; `elapsedMs` is its ack latency.
 * node:http rather than fetch: the load generator shares the machine's two cores with what it measures,
 * and fetch costs it several times the CPU per request (the alerts section sends 140 a second).
 */
export async function postSigned(
  url: string,
  request: SlackRequest,
): Promise<{ status: number; text: string; elapsedMs: number }> {
  try {
    return await postSignedOnce(url, request);
  } catch (error) {
    // A kept-alive connection the server closed as it was being reused: the request never reached it
    // (Node's documented case for request.reusedSocket), so it is sent again on a new one.
    if ((error as { reusedSocket?: boolean }).reusedSocket === true) return postSignedOnce(url, request);
    throw error;
  }
}

function postSignedOnce(
  url: string,
  request: SlackRequest,
): Promise<{ status: number; text: string; elapsedMs: number }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const body = Buffer.from(request.body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      `${url.replace(/\/+$/, '')}/slack/events`,
      {
        method: 'POST',
        agent: keptAlive,
        headers: {
          'Content-Type': request.contentType,
          'Content-Length': body.length,
          'X-Slack-Request-Timestamp': String(timestamp),
          'X-Slack-Signature': signSlackRequest(SLACK_DEFAULTS.signingSecret, timestamp, request.body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString(),
            elapsedMs: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', (error: NodeJS.ErrnoException) => {
      const reused = sent.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      reject(Object.assign(error, { reusedSocket: reused }));
    });
    sent.end(body);
  });
}
