// One address in front of several app instances, as a load balancer would put them: each request goes
// to the next upstream in turn (UPSTREAMS, comma-separated base URLs), body and headers untouched, so
// Slack's signature still verifies. Run as its own process by the load bench (test/bench/load.ts).
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const upstreams = (process.env.UPSTREAMS ?? '').split(',').filter((u) => u !== '');
if (upstreams.length === 0) throw new Error('UPSTREAMS names no app instance');
let next = 0;
// A connection per request: a kept-alive one the app closes as it idles out would reset a request sent on it.
const agent = new Agent({ keepAlive: false });

const server = createServer((incoming, outgoing) => {
  const target = new URL(incoming.url ?? '/', upstreams[next++ % upstreams.length]);
  const forwarded = request(target, { method: incoming.method, headers: incoming.headers, agent }, (answer) => {
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
  });
  forwarded.on('error', (error) => {
    outgoing.writeHead(502, { 'content-type': 'text/plain' });
    outgoing.end(`upstream ${target.origin} failed: ${error.message}`);
  });
  incoming.pipe(forwarded);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`round-robin proxy on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
