// Issue 14, "Find": `/opp find <words>` searches descriptions, contacts and companies whatever the case
// and accents, best matches first, a page at a time with a More button, among the opportunities the
// reader may see; `show <name>` takes a name where a number goes. Through the real receiver, on both
// backends (PGlite has no unaccent: the fold is the same translate() on both).
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, BLOCK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import type { JsonObject } from '../support/fake-slack.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { allText } from '../support/test-app.ts';
import { buttonsOf, expectNoBrokenText, mark, run } from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const REP = 'U0REPB0001';
const CHANNEL = SLACK_DEFAULTS.channelId;

describe.each(BACKENDS)('finding opportunities on %s', (backend) => {
  const t = useTestApp(backend);

  /** The opportunity numbers of a reply's rows, in order. */
  function rows(message: JsonObject): string[] {
    return buttonsOf(message)
      .filter((b) => b.actionId === ACTION_IDS.show)
      .map((b) => b.value);
  }

  async function setUp() {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    await run(t, 'contact add "Müller Logistik GmbH" company', teamId);
    await run(t, 'contact add "Zoë Ångström" person company:"Müller Logistik GmbH"', teamId);
    const s = t.app.services;
    const fleet = await newOpportunity(s, teamId, { description: 'Fleet renewal' });
    const trucks = await newOpportunity(s, teamId, {
      description: 'Trucks for the Berlin depot',
      contact: 'Zoë Ångström',
    });
    const fleetTrucks = await newOpportunity(s, teamId, { description: 'Fleet of trucks', contact: 'Solo Sam' });
    const repDeal = await newOpportunity(s, teamId, { description: 'Fleet service', owner: REP });
    return { teamId, fleet, trucks, fleetTrucks, repDeal };
  }

  it('finds by description, contact and company, whatever the case and accents, best matches first', async () => {
    const { teamId, fleet, trucks, fleetTrucks, repDeal } = await setUp();
    const since = mark(t);
    // Both words first, then one.
    const { reply } = await t.command('find FLEET trucks', { teamId });
    expect(rows(reply.args)).toEqual([fleetTrucks, fleet, trucks, repDeal]);
    expect(allText(reply.args)).toContain('Opportunities matching “FLEET trucks”');
    // Accents and case on either side: the company of a person, the person's own name.
    expect(rows((await t.command('find muller', { teamId })).reply.args)).toEqual([trucks]);
    expect(rows((await t.command('find ZOE angstrom', { teamId })).reply.args)).toEqual([trucks]);
    expect(rows((await t.command('find Möller', { teamId })).reply.args)).toEqual([]);
    // An exact match of the whole text comes before one that only contains the words.
    expect(rows((await t.command('find fleet renewal', { teamId })).reply.args)[0]).toBe(fleet);
    expect(await run(t, 'find nothing-like-this', teamId)).toContain(
      'No opportunity you can see matches “nothing-like-this”.',
    );
    expectNoBrokenText(since.calls());
  });

  it('a rep finds only their own when reps see only their own', async () => {
    const { teamId, repDeal } = await setUp();
    await run(t, 'setting reps-see-own:yes', teamId);
    expect(rows((await t.command('find fleet', { teamId, userId: REP })).reply.args)).toEqual([repDeal]);
    expect(await run(t, 'show Fleet renewal', teamId, REP)).toContain('No opportunity you can see matches');
  });

  it('pages with a More button, which shows the next page in place of the last', async () => {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    const nos: string[] = [];
    for (let i = 1; i <= 12; i++)
      nos.push(await newOpportunity(t.app.services, teamId, { description: `Laptop order ${i}` }));
    const { reply } = await t.command('find laptop', { teamId });
    expect(rows(reply.args)).toEqual(nos.slice(0, 10));
    expect(allText(reply.args)).toContain('1–10 of 12 opportunities');
    const more = buttonsOf(reply.args).find((b) => b.actionId === ACTION_IDS.findMore);
    expect(more?.value).toMatch(/^[0-9a-f]{32}$/);
    const responseUrl = t.fake.responseUrl();
    const since = mark(t);
    await t.click({
      actionId: ACTION_IDS.findMore,
      blockId: BLOCK_IDS.find.more,
      value: more?.value ?? '',
      teamId,
      channelId: CHANNEL,
      responseUrl,
      message: { type: 'message', ts: '1700000500.000001', text: 'found', blocks: reply.args.blocks },
    });
    const next = await t.fake.waitFor('chat.update', (c) => since.calls().includes(c));
    expect(rows(next.args)).toEqual(nos.slice(10));
    expect(allText(next.args)).toContain('11–12 of 12 opportunities');
    expect(buttonsOf(next.args).map((b) => b.actionId)).not.toContain(ACTION_IDS.findMore);
    // Someone else's click on that button finds no search of theirs.
    const other = mark(t);
    const otherUrl = t.fake.responseUrl();
    await t.click({
      actionId: ACTION_IDS.findMore,
      blockId: BLOCK_IDS.find.more,
      value: more?.value ?? '',
      teamId,
      userId: REP,
      channelId: CHANNEL,
      responseUrl: otherUrl,
      message: { type: 'message', ts: '1700000500.000002', text: 'found', blocks: reply.args.blocks },
    });
    await t.settle();
    expect(allText(other.calls())).toContain('That search has expired');
    expect(allText(other.calls())).not.toContain('Laptop order 11');
  });

  it('show takes a name: one match shows its card, several list the candidates with Show buttons', async () => {
    const { teamId, fleet, fleetTrucks, trucks } = await setUp();
    expect(await run(t, 'show berlin depot', teamId)).toContain(`${trucks} · Trucks for the Berlin depot`);
    // "Fleet renewal" is contained in nothing else: its card.
    expect(await run(t, 'show fleet renewal', teamId)).toContain(`${fleet} · Fleet renewal`);
    const { reply } = await t.command('show fleet', { teamId });
    expect(allText(reply.args)).toContain('“fleet” matches several opportunities: pick one');
    expect(rows(reply.args)).toEqual(expect.arrayContaining([fleet, fleetTrucks]));
    expect(rows(reply.args)).not.toContain(trucks);
    // A number is still a number.
    expect(await run(t, 'show op12345', teamId)).toMatch(/OP12345/);
  });

  it('list takes a name as show does; its scopes and filters keep working', async () => {
    const { teamId, fleet, fleetTrucks, trucks, repDeal } = await setUp();
    const since = mark(t);
    // One match: its card.
    expect(await run(t, 'list berlin depot', teamId)).toContain(`${trucks} · Trucks for the Berlin depot`);
    expect(await run(t, 'list Fleet renewal', teamId)).toContain(`${fleet} · Fleet renewal`);
    // Several: the candidates, with Show buttons, as show lists them.
    const { reply } = await t.command('list fleet', { teamId });
    expect(allText(reply.args)).toContain('“fleet” matches several opportunities: pick one');
    expect(rows(reply.args)).toEqual(expect.arrayContaining([fleet, fleetTrucks, repDeal]));
    expect(rows(reply.args)).not.toContain(trucks);
    // None: a sentence pointing to find.
    expect(await run(t, 'list fleet zeppelin', teamId)).toContain(
      'No opportunity you can see has every word of “fleet zeppelin”. `/opp find fleet zeppelin` also shows those that match some of the words',
    );
    // A number shows that opportunity, as show does.
    expect(await run(t, `list ${fleet.toLowerCase()}`, teamId)).toContain(`${fleet} · Fleet renewal`);
    // A name takes no filters: said plainly, nothing listed.
    expect(await run(t, 'list fleet status:won', teamId)).toContain(
      '`/opp list` takes either `fleet` or `status:`, not both.',
    );
    // A rep who reads only their own finds only theirs.
    await run(t, 'setting reps-see-own:yes', teamId);
    expect(await run(t, 'list fleet', teamId, REP)).toContain(`${repDeal} · Fleet service`);
    expect(await run(t, 'list Fleet renewal', teamId, REP)).toContain('No opportunity you can see has every word');
    await run(t, 'setting reps-see-own:no', teamId);

    // The scope words and the filters are unchanged.
    expect(rows((await t.command('list', { teamId })).reply.args)).toEqual([fleet, trucks, fleetTrucks]);
    expect(rows((await t.command('list mine', { teamId })).reply.args)).toEqual([fleet, trucks, fleetTrucks]);
    expect(rows((await t.command('list all', { teamId })).reply.args)).toEqual([fleet, trucks, fleetTrucks, repDeal]);
    expect(rows((await t.command('list everyone cycle:STD', { teamId })).reply.args)).toHaveLength(4);
    expect(rows((await t.command(`list <@${REP}|rep>`, { teamId })).reply.args)).toEqual([repDeal]);
    expect(rows((await t.command('list all contact:"Müller Logistik GmbH"', { teamId })).reply.args)).toEqual([trucks]);
    expect(await run(t, 'list all status:won', teamId)).toContain('No opportunities match.');
    expectNoBrokenText(since.calls());
  });
});
