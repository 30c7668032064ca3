// The playground's one HTTP server, on loopback only: the page and its script, the page's requests (what
// a person does), a stream telling the page when something changed, and Slack's side for the app (the
// Web API under /api/, response URLs, file uploads and downloads).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { z } from 'zod';
import { FIRST_PERSON, PLAYGROUND_CHANNELS, personById, SALES_CHANNEL } from './identity.ts';
import { buildScreen, type Location } from './screen.ts';
import type { SlackInteractions } from './slack/interactions.ts';
import type { SlackStore } from './slack/store.ts';
import { readApiArguments, type SlackWebApi } from './slack/web-api.ts';
import { usageHintFor } from './usage-hint.ts';

export interface PlaygroundServerDeps {
  store: SlackStore;
  api: SlackWebApi;
  interactions: SlackInteractions;
  /** True while the demo workspace is being seeded (the page says so). */
  preparing(): boolean;
  /** "Reset demo": the workspace's data deleted and seeded again. */
  reset(): Promise<void>;
  log(message: string): void;
}

const MAX_BODY = 20 * 1024 * 1024;
/** An upload's bytes: an export of 100,000 opportunities is about 30 MB (Slack takes files up to 1 GB). */
const MAX_UPLOAD = 256 * 1024 * 1024;

const personId = z.string().refine((id) => personById(id) !== undefined, 'unknown person');
const elementInput = z.object({
  blockId: z.string().max(255),
  actionId: z.string().max(255),
  value: z.string().max(3000).nullable().optional(),
  values: z.array(z.string().max(255)).max(100).optional(),
  option: z
    .object({ text: z.string().max(2000), value: z.string().max(2000) })
    .nullable()
    .optional(),
});
const surface = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), channelId: z.string().max(32), ts: z.string().max(32) }),
  z.object({ kind: z.literal('view'), viewId: z.string().max(32) }),
]);
const BODIES = {
  command: z.object({ as: personId, channelId: z.string().max(32), text: z.string().max(12_000) }),
  action: z.object({ as: personId, surface, input: elementInput, inputs: z.array(elementInput).max(100).default([]) }),
  suggest: z.object({
    as: personId,
    surface,
    blockId: z.string().max(255),
    actionId: z.string().max(255),
    value: z.string().max(2000),
  }),
  submit: z.object({ as: personId, viewId: z.string().max(32), inputs: z.array(elementInput).max(100) }),
  close: z.object({ as: personId, viewId: z.string().max(32) }),
  home: z.object({ as: personId }),
  say: z.object({ as: personId, channelId: z.string().max(32), text: z.string().max(12_000) }),
};

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  if (res.headersSent) return;
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(payload);
}

/** Only requests addressed to this loopback server (no other site's page reaching it through a rebound name). */
function fromLoopback(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

function locationOf(at: string | null): Location {
  if (at === 'home') return { kind: 'home' };
  if (at === 'messages') return { kind: 'messages' };
  const channel = PLAYGROUND_CHANNELS.find((c) => c.id === at) ?? SALES_CHANNEL;
  return { kind: 'channel', channelId: channel.id };
}

async function clientScript(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./web/client.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    minify: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export interface PlaygroundServer {
  readonly server: Server;
  readonly port: number;
  readonly origin: string;
  close(): Promise<void>;
}

export async function startPlaygroundServer(deps: PlaygroundServerDeps, port: number): Promise<PlaygroundServer> {
  const [script, style, page] = await Promise.all([
    clientScript(),
    readFile(new URL('./web/style.css', import.meta.url), 'utf8'),
    readFile(new URL('./web/index.html', import.meta.url), 'utf8'),
  ]);
  const streams = new Set<ServerResponse>();
  deps.store.onChange(() => {
    for (const stream of streams) stream.write(`data: ${deps.store.version}\n\n`);
  });
  let listeningPort = port;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (error instanceof z.ZodError) return send(res, 400, { ok: false, error: 'invalid_arguments' });
      deps.log(`playground request failed: ${error instanceof Error ? error.message : String(error)}`);
      send(res, 500, { ok: false, error: 'internal_error' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    // Slack's side, which the app calls.
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    if (api && method === 'POST') {
      const raw = (await readBody(req)).toString('utf8');
      const args = { ...Object.fromEntries(url.searchParams), ...readApiArguments(raw, req.headers['content-type']) };
      const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
      return send(res, 200, deps.api.call(api[1] ?? '', args, token));
    }
    const upload = /^\/upload\/([A-Za-z0-9]+)$/.exec(path);
    if (upload && method === 'POST') {
      const raw = await readBody(req, MAX_UPLOAD);
      const bytes = await uploadedBytes(raw, req.headers['content-type']);
      return deps.api.receiveUpload(upload[1] ?? '', bytes)
        ? send(res, 200, `OK - ${bytes.length}`, 'text/plain; charset=utf-8')
        : send(res, 404, 'file_not_found', 'text/plain; charset=utf-8');
    }
    const response = /^\/response\/([A-Za-z0-9]+)$/.exec(path);
    if (response && method === 'POST') {
      const raw = (await readBody(req)).toString('utf8');
      let body: Record<string, unknown>;
      try {
        body = readApiArguments(raw, req.headers['content-type'] ?? 'application/json');
      } catch {
        return send(res, 400, 'invalid_payload', 'text/plain; charset=utf-8');
      }
      const answer = deps.interactions.receiveResponse(response[1] ?? '', body);
      return send(
        res,
        answer.status,
        answer.body,
        typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : undefined,
      );
    }

    // The page's own requests: only from a page of this server.
    if (!fromLoopback(req, listeningPort)) return send(res, 403, { ok: false, error: 'loopback_only' });

    if (method === 'GET' && (path === '/' || path === '/index.html'))
      return send(res, 200, page, 'text/html; charset=utf-8');
    if (method === 'GET' && path === '/play/client.js') return send(res, 200, script, 'text/javascript; charset=utf-8');
    if (method === 'GET' && path === '/play/style.css') return send(res, 200, style, 'text/css; charset=utf-8');
    if (method === 'GET' && path === '/healthz') return send(res, 200, { status: 'ok' });
    if (method === 'GET' && path === '/favicon.ico') return send(res, 204, '');
    const file = /^\/files\/([A-Za-z0-9]+)\/[^/]*$/.exec(path);
    if (method === 'GET' && file) {
      const stored = deps.store.files.get(file[1] ?? '');
      if (!stored) return send(res, 404, 'file_not_found', 'text/plain; charset=utf-8');
      res.writeHead(200, {
        'content-type': stored.mimetype,
        'content-length': stored.bytes.length,
        'x-content-type-options': 'nosniff',
        'content-disposition': `${stored.mimetype.startsWith('image/') ? 'inline' : 'attachment'}; filename="${stored.name.replace(/[^\w.-]/g, '_')}"`,
      });
      res.end(stored.bytes);
      return;
    }
    if (method === 'GET' && path === '/play/screen') {
      const person = personById(url.searchParams.get('as') ?? '') ?? FIRST_PERSON;
      return send(res, 200, {
        ...buildScreen(deps.store, person, locationOf(url.searchParams.get('at'))),
        preparing: deps.preparing(),
      });
    }
    if (method === 'GET' && path === '/play/usage') {
      return send(res, 200, { hint: usageHintFor(url.searchParams.get('text') ?? '') });
    }
    if (method === 'GET' && path === '/play/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`data: ${deps.store.version}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (method === 'POST' && path.startsWith('/play/')) {
      // JSON only: a form posted by another site cannot reach these.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, { ok: false, error: 'json_only' });
      }
      const raw = (await readBody(req)).toString('utf8');
      let json: unknown;
      try {
        json = raw === '' ? {} : JSON.parse(raw);
      } catch {
        return send(res, 400, { ok: false, error: 'invalid_json' });
      }
      return send(res, 200, await pageRequest(path.slice('/play/'.length), json));
    }
    return send(res, 404, { ok: false, error: 'not_found' });
  }

  async function pageRequest(name: string, json: unknown): Promise<unknown> {
    const { interactions } = deps;
    switch (name) {
      case 'command': {
        const body = BODIES.command.parse(json);
        await interactions.command(body.as, body.channelId, body.text);
        return { ok: true };
      }
      case 'action': {
        const body = BODIES.action.parse(json);
        if (body.surface.kind === 'message') {
          await interactions.messageAction(body.as, body.surface.channelId, body.surface.ts, body.input);
        } else {
          await interactions.viewAction(body.as, body.surface.viewId, body.input, body.inputs);
        }
        return { ok: true };
      }
      case 'suggest': {
        const body = BODIES.suggest.parse(json);
        return {
          ok: true,
          options: await interactions.suggest(body.as, body.surface, body.blockId, body.actionId, body.value),
        };
      }
      case 'submit': {
        const body = BODIES.submit.parse(json);
        return { ok: true, ...(await interactions.submit(body.as, body.viewId, body.inputs)) };
      }
      case 'close': {
        const body = BODIES.close.parse(json);
        await interactions.close(body.as, body.viewId);
        return { ok: true };
      }
      case 'home': {
        const body = BODIES.home.parse(json);
        await interactions.openHome(body.as);
        return { ok: true };
      }
      case 'say': {
        const body = BODIES.say.parse(json);
        interactions.say(body.as, body.channelId, body.text);
        return { ok: true };
      }
      case 'reset':
        await deps.reset();
        return { ok: true };
      default:
        return { ok: false, error: 'unknown_request' };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  listeningPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: listeningPort,
    origin: `http://127.0.0.1:${listeningPort}`,
    async close() {
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The file's bytes from an upload: the file part of a multipart body, or the raw body. */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}
