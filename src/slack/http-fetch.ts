// The `fetch` every Slack HTTP call of the app goes through: Bolt's `respond`, each Web API client's
// calls, our own response_url posts. Bolt and the Web API client take a fetch function; the built-in
// one (WHATWG streams, abort plumbing, a Response per answer) costs about four times the CPU of
// undici's plain `request` per call, and under alert load the app makes three Slack calls per change
// (measured: 0.34 against 0.06 ms per call, `npm run bench` alerts section for the whole effect).
// So bodies the app sends (strings and bytes) go through `request`, and the answer is read whole into
// a small Response of what the callers read. Anything else (a multipart upload) takes the built-in fetch.
import { STATUS_CODES } from 'node:http';
import { request } from 'undici';

/** The parts of a Response that Bolt, the Web API client and our own posts read. */
class ReadResponse {
  readonly ok: boolean;
  readonly headers: Headers;
  readonly bodyUsed = true;
  readonly redirected = false;
  readonly type = 'basic';

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    rawHeaders: Record<string, string | string[] | undefined>,
    private readonly bytes: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new Headers();
    for (const [name, value] of Object.entries(rawHeaders)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) this.headers.append(name, one);
    }
  }

  text(): Promise<string> {
    return Promise.resolve(this.bytes.toString('utf8'));
  }

  json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const copy = new ArrayBuffer(this.bytes.byteLength);
    new Uint8Array(copy).set(this.bytes);
    return Promise.resolve(copy);
  }
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  if (headers === undefined) return {};
  // A plain object as the callers give them; anything else (a Headers of any copy of undici, pairs)
  // read as fetch reads it.
  const prototype = Object.getPrototypeOf(headers) as unknown;
  if (Array.isArray(headers) || (prototype !== Object.prototype && prototype !== null))
    return Object.fromEntries(new Headers(headers));
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}

/**
 * A `fetch` for calls to Slack. A redirect is answered as it came (never followed): Slack's Web API and
 * response_urls answer directly, and the callers treat any status but theirs as a failure.
 */
export const slackFetch: typeof fetch = async (input, init) => {
  const body = init?.body;
  const simpleBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
  if (!simpleBody || !(typeof input === 'string' || input instanceof URL)) return fetch(input, init);
  const url = String(input);
  const answer = await request(url, {
    method: (init?.method ?? 'GET') as 'GET',
    headers: headerRecord(init?.headers),
    body: body ?? null,
    signal: init?.signal ?? null,
  });
  const bytes = Buffer.from(await answer.body.arrayBuffer());
  const statusText = STATUS_CODES[answer.statusCode] ?? '';
  return new ReadResponse(url, answer.statusCode, statusText, answer.headers, bytes) as unknown as Response;
};
