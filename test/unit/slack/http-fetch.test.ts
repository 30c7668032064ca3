// slackFetch against a local HTTP server: what Bolt's respond, the Web API client and our response_url
// posts read of an answer is there (status, its text, headers, the body as text, JSON or bytes), a
// timeout still aborts, and a multipart body (a file upload) takes the built-in fetch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { Headers as UndiciHeaders } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackFetch } from '../../../src/slack/http-fetch.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('slackFetch', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  let answer: (res: ServerResponse) => void = (res) => res.end();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body, and reads status, headers and text', async () => {
    answer = (res) => {
      res.statusCode = 201;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('x-accepted-oauth-scopes', 'chat:write');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end('{"ok":true,"text":"déjà vu ✓"}');
    };
    const response = await slackFetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
      body: 'channel=C1&text=hello',
    });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/chat.postMessage',
      body: 'channel=C1&text=hello',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-1' },
    });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.statusText).toBe('Created');
    expect(response.url).toBe(`${base}/api/chat.postMessage`);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-accepted-oauth-scopes')).toBe('chat:write');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await response.json()).toEqual({ ok: true, text: 'déjà vu ✓' });
  });

  it("takes headers as a Headers object (also undici's own copy) and as pairs, and a URL", async () => {
    answer = (res) => res.end('ok');
    await slackFetch(new URL(`${base}/api/a`), {
      method: 'POST',
      headers: new UndiciHeaders({ 'X-One': '1', Authorization: 'Bearer xoxb-2' }) as unknown as Headers,
      body: 'a',
    });
    expect(seen.at(-1)).toMatchObject({ url: '/api/a', headers: { 'x-one': '1', authorization: 'Bearer xoxb-2' } });
    await slackFetch(`${base}/api/b`, { method: 'POST', headers: [['X-Two', '2']], body: 'b' });
    expect(seen.at(-1)).toMatchObject({ url: '/api/b', headers: { 'x-two': '2' } });
  });

  it('reads a body as text and as bytes, and says when a status is not ok', async () => {
    answer = (res) => {
      res.statusCode = 404;
      res.end('no_such_url');
    };
    const response = await slackFetch(`${base}/hooks/expired`, { method: 'POST', body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('Not Found');
    expect(await response.text()).toBe('no_such_url');
    const again = await slackFetch(`${base}/hooks/expired`, { method: 'POST', body: new TextEncoder().encode('x') });
    expect(seen.at(-1)?.body).toBe('x');
    expect(new TextDecoder().decode(await again.arrayBuffer())).toBe('no_such_url');
  });

  it('a redirect is answered as it came, not followed', async () => {
    answer = (res) => {
      res.statusCode = 302;
      res.setHeader('location', '/elsewhere');
      res.end();
    };
    const before = seen.length;
    const response = await slackFetch(`${base}/api/auth.test`, { method: 'POST', body: '' });
    expect(response.status).toBe(302);
    expect(response.ok).toBe(false);
    expect(seen.length - before).toBe(1);
  });

  it('an abort signal that fires ends the call with its reason', async () => {
    answer = () => undefined; // never answers
    await expect(
      slackFetch(`${base}/api/chat.update`, { method: 'POST', body: 'x', signal: AbortSignal.timeout(100) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('a multipart body goes through the built-in fetch', async () => {
    answer = (res) => res.end('{"ok":true}');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'chart.png');
    const response = await slackFetch(`${base}/upload`, { method: 'POST', body: form });
    expect(await response.json()).toEqual({ ok: true });
    expect(seen.at(-1)?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("carries the Web API client's calls, 429s included", async () => {
    let calls = 0;
    answer = (res) => {
      calls += 1;
      res.setHeader('content-type', 'application/json');
      if (calls === 1) {
        res.statusCode = 429;
        res.setHeader('retry-after', '30');
        res.end('{"ok":false,"error":"ratelimited"}');
      } else res.end('{"ok":true,"channel":"C1","ts":"1.2"}');
    };
    const client = new webApi.WebClient('xoxb-test', {
      fetch: slackFetch,
      slackApiUrl: `${base}/api/`,
      rejectRateLimitedCalls: true,
    });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 30,
    });
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'hello & <you>' });
    expect(posted).toMatchObject({ ok: true, ts: '1.2' });
    expect(new URLSearchParams(seen.at(-1)?.body).get('text')).toBe('hello & <you>');
  });
});
