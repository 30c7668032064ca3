import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AfterAckQueue, PendingAcks, ReplySequence } from '../../../src/slack/after-ack.ts';
import { countPendingAcks } from '../../../src/slack/receiver.ts';
import { opensModal } from '../../../src/slack/listeners/opp-command.ts';
import { parseOppCommand } from '../../../src/slack/grammar/index.ts';

/** A piece of work that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    work: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    release: () => release(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AfterAckQueue', () => {
  it('runs at most `slots` pieces of work at once, the rest in arrival order', async () => {
    const queue = new AfterAckQueue(2);
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
    const results = [a, b, c, d].map((g) => queue.run(g!.work));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect(queue.size).toEqual({ running: 2, waiting: 2 });
    b!.release();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    a!.release();
    c!.release();
    d!.release();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('a failing piece of work frees its slot and reaches its caller', async () => {
    const queue = new AfterAckQueue(1);
    const failed = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });

  it('however many wait, no more than `slots` run at once (work that ran at once past a limit emptied the pool)', async () => {
    const queue = new AfterAckQueue(1);
    const log: string[] = [];
    const gates = Array.from({ length: 50 }, (_, i) => gate(log, String(i)));
    const all = gates.map((g) => queue.run(g.work));
    await tick();
    expect(log).toEqual(['start 0']);
    expect(queue.size).toEqual({ running: 1, waiting: 49 });
    for (const g of gates) {
      g.release();
      await tick();
    }
    expect(await Promise.all(all)).toEqual(gates.map((_, i) => String(i)));
    expect(log.filter((line) => line.startsWith('start'))).toEqual(gates.map((_, i) => `start ${i}`));
  });
});

describe('AfterAckQueue gives way to requests waiting for their ack', () => {
  it('starts no work while a request waits for its ack, and starts it once that one is answered', async () => {
    const pending = new PendingAcks(0);
    const queue = new AfterAckQueue(2, pending, 60_000);
    const log: string[] = [];
    const answered = pending.begin();
    const [a, b] = ['a', 'b'].map((n) => gate(log, n));
    const results = [a, b].map((g) => queue.run(g!.work));
    await tick();
    expect(log).toEqual([]);
    expect(queue.size).toEqual({ running: 0, waiting: 2 });
    answered();
    answered(); // counted once
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect(pending.size).toBe(0);
    a!.release();
    b!.release();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
  });

  it('waits at most its deferral, then takes its slot even while requests still wait', async () => {
    const pending = new PendingAcks();
    const queue = new AfterAckQueue(1, pending, 5);
    pending.begin(); // never answered
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => gate(log, n));
    const results = [a, b].map((g) => queue.run(g!.work));
    await tick();
    expect(log).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toEqual(['start a']);
    a!.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b!.release();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
  });

  it('after the last ack, starts no work until the quiet window has passed with no request', async () => {
    const pending = new PendingAcks(500);
    const queue = new AfterAckQueue(2, pending, 60_000, 60_000);
    const log: string[] = [];
    const a = gate(log, 'a');
    const first = pending.begin();
    const result = queue.run(a.work);
    first();
    // A burst: the next request comes a moment after the ack, inside the window.
    await tick();
    expect(log).toEqual([]);
    const second = pending.begin();
    expect(pending.busyBesidesCaller()).toBe(true); // the first was answered a moment ago
    const third = pending.begin();
    expect(pending.busyBesidesCaller()).toBe(true);
    second();
    third();
    const answeredAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toEqual([]);
    expect(pending.busy()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(log).toEqual(['start a']);
    expect(pending.busy()).toBe(false);
    const fourth = pending.begin();
    expect(pending.busyBesidesCaller()).toBe(false); // the caller counts itself
    expect(pending.busy()).toBe(true);
    fourth();
    a.release();
    expect(await result).toBe('a');
    // It waited the window after the last answer, not after the first.
    expect(performance.now() - answeredAt).toBeGreaterThanOrEqual(500);
  });

  it('under a steady stream the quiet window never comes: work waits for it `quietMaxMs` at most', async () => {
    const pending = new PendingAcks(60_000); // a window that never ends here
    const queue = new AfterAckQueue(1, pending, 60_000, 100);
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => gate(log, n));
    pending.begin()();
    const first = queue.run(a!.work);
    await tick();
    expect(log).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(log).toEqual(['start a']);
    a!.release();
    expect(await first).toBe('a');
    // But not while a request waits for its ack: that wait is the longer one.
    const answer = pending.begin();
    const second = queue.run(b!.work);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(log).toEqual(['start a', 'end a']);
    answer(); // none waits now, and it has waited more than quietMaxMs
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b!.release();
    expect(await second).toBe('b');
  });

  it('the receiver counts a request to /slack/events from its arrival until its response is sent', () => {
    const pending = new PendingAcks();
    const seen: number[] = [];
    const listener = countPendingAcks(() => seen.push(pending.size), ['/slack/events'], pending);
    const request = (method: string, url: string) => {
      const res = new EventEmitter();
      listener({ method, url } as IncomingMessage, res as ServerResponse);
      return res;
    };
    const command = request('POST', '/slack/events');
    const health = request('GET', '/healthz');
    expect(seen).toEqual([1, 1]);
    health.emit('finish');
    expect(pending.size).toBe(1);
    command.emit('finish');
    command.emit('close');
    expect(pending.size).toBe(0);
  });
});

describe('a request held open', () => {
  it('counts as waiting for its ack no longer than the limit (Slack gives up after 3 s)', async () => {
    const pending = new PendingAcks(0);
    const listener = countPendingAcks(() => undefined, ['/slack/events'], pending, 50);
    const res = new EventEmitter();
    listener({ method: 'POST', url: '/slack/events' } as IncomingMessage, res as ServerResponse);
    expect(pending.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pending.size).toBe(0);
    res.emit('close'); // counted once
    expect(pending.size).toBe(0);
  });
});

describe('commands that open a modal do not wait behind replies (their trigger_id expires)', () => {
  const context = { now: new Date('2026-11-02T10:00:00Z'), timeZone: 'UTC', dateOrder: 'MDY' as const };
  it.each([
    ['new', true],
    ['move OP00001', true],
    ['close OP00001', true],
    ['quote OP00001', true],
    ['list', false],
    ['next OP00001', false],
    ['close OP00001 won code:WON', false],
  ])('/opp %s → opens a modal: %s', (text, expected) => {
    expect(opensModal(parseOppCommand(text, context))).toBe(expected);
  });
});

describe('PendingAcks.answered', () => {
  it('resolves at once when no request waits for its ack', async () => {
    const pending = new PendingAcks();
    let resolved = false;
    void pending.answered(10_000).then(() => (resolved = true));
    await tick();
    expect(resolved).toBe(true);
  });

  it('resolves when the last request waiting is answered, not before', async () => {
    const pending = new PendingAcks(0);
    const first = pending.begin();
    const second = pending.begin();
    let resolved = false;
    void pending.answered(10_000).then(() => (resolved = true));
    first();
    await tick();
    expect(resolved).toBe(false);
    second();
    await tick();
    expect(resolved).toBe(true);
  });

  it('resolves as soon as none waits, the quiet window aside (deliveries need not wait for it)', async () => {
    const pending = new PendingAcks(60_000);
    const answer = pending.begin();
    let resolved = false;
    void pending.answered(10_000).then(() => (resolved = true));
    await tick();
    expect(resolved).toBe(false);
    answer();
    await tick();
    expect(resolved).toBe(true);
    expect(pending.busy()).toBe(true); // still within the window
  });

  it('resolves after its longest wait while requests keep waiting', async () => {
    const pending = new PendingAcks();
    pending.begin(); // never answered
    await pending.answered(30);
    expect(pending.size).toBe(1);
  });
});

describe('ReplySequence', () => {
  it('returns at once, and sends in the order given, each after the one before has gone', async () => {
    const log: string[] = [];
    const gates = new Map(['a', 'b', 'c'].map((name) => [name, gate(log, name)]));
    const replies = new ReplySequence<string>(
      async (name) => void (await gates.get(name)!.work()),
      (error) => log.push(`failed ${String(error)}`),
    );
    let allSent = false;
    await replies.send('a');
    await replies.send('b');
    await replies.send('c');
    void replies.sent().then(() => (allSent = true));
    await tick();
    expect(log).toEqual(['start a']);
    gates.get('b')!.release(); // b waits for a however soon it could go
    await tick();
    expect(log).toEqual(['start a']);
    gates.get('a')!.release();
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c']);
    expect(allSent).toBe(false);
    gates.get('c')!.release();
    await tick();
    expect(allSent).toBe(true);
  });

  it('sends nothing while a request waits for its ack, as the queue starts no work then', async () => {
    const pending = new PendingAcks(0);
    const queue = new AfterAckQueue(4, pending, 10_000);
    const sent: string[] = [];
    const replies = new ReplySequence<string>(
      async (message) => void sent.push(message),
      () => undefined,
      () => queue.givenWay(performance.now()),
    );
    const answered = pending.begin();
    await replies.send('card');
    await tick();
    expect(sent).toEqual([]);
    answered();
    await replies.sent();
    expect(sent).toEqual(['card']);
  });

  it('waits for pending acks no longer than the deferral counted from the ack', async () => {
    const pending = new PendingAcks();
    const queue = new AfterAckQueue(4, pending, 10_000);
    pending.begin(); // never answered
    const start = performance.now();
    // Acknowledged 10 s ago: its deferral is spent, so it goes at once however many acks wait.
    await queue.givenWay(start - 10_000);
    expect(performance.now() - start).toBeLessThan(1_000);
    let waited = false;
    void queue.givenWay(performance.now()).then(() => (waited = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(waited).toBe(false);
  });

  it('reports a send that failed and goes on with the next', async () => {
    const sent: string[] = [];
    const failures: string[] = [];
    const replies = new ReplySequence<string>(
      async (message) => {
        if (message === 'bad') throw new Error('Slack said no');
        sent.push(message);
      },
      (error) => failures.push(error instanceof Error ? error.message : String(error)),
    );
    await replies.send('bad');
    await replies.send('good');
    await replies.sent();
    expect(failures).toEqual(['Slack said no']);
    expect(sent).toEqual(['good']);
  });
});
