// npm run bench:slack — only the "Slack surface: ack latency" section of npm run bench (a few minutes),
// for checking a change to the request path without loading the 100,000-row databases.
import { resolveTestPostgres } from '../support/postgres-probe.ts';
import { printReports, type Report } from './measure.ts';
import { benchSlack } from './slack.ts';

const postgres = await resolveTestPostgres({ ...process.env, REQUIRE_POSTGRES: '0' }).catch(() => ({
  url: undefined,
  note: '',
}));
const reports: Report[] = [...(await benchSlack('pglite'))];
if (postgres.url) reports.push(...(await benchSlack('postgres', postgres.url)));
printReports('Slack surface: ack latency', reports);
