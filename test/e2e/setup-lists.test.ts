// Issue 14, the setup lists an admin reads, through the real receiver on both backends: each row of
// `cycle list`, `stage list`, `code list` and `contact list` has an Edit button for admins (for nobody
// else), which opens that row's edit form pre-filled; a forged click by a rep opens nothing. Replies and
// help suggest commands with the workspace's own cycle and close codes (a placeholder when it has none).
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { dec } from '../../src/domain/decimal.ts';
import { BACKENDS } from '../support/databases.ts';
import { seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { type JsonObject, newTriggerId } from '../support/slack-requests.ts';
import {
  buttonsOf,
  ephemeralClick,
  expectNoBrokenText,
  inputElements,
  mark,
  openedModal,
  run,
  sentences,
  submitModal,
} from './e2e-kit.ts';

const ADMIN = SLACK_DEFAULTS.userId;
const REP = 'U0REPL0001';
const CHANNEL = SLACK_DEFAULTS.channelId;

describe.each(BACKENDS)('setup lists on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => app.fake.setUser(REP, { real_name: 'Rita Rep' }));

  /** A workspace with the pipeline setup whose admin is ADMIN (REP is a rep). */
  async function workspace(): Promise<string> {
    const teamId = await seededWorkspace(t);
    await run(t, 'roles', teamId, ADMIN);
    return teamId;
  }

  async function listed(text: string, teamId: string, userId: string = ADMIN): Promise<JsonObject> {
    const { reply } = await t.command(text, { teamId, userId });
    return reply.args;
  }

  /** Clicks a button of an ephemeral list (Slack sends no message for it) as `userId`. */
  async function click(teamId: string, actionId: string, value: string, userId: string = ADMIN) {
    const since = mark(t);
    const triggerId = newTriggerId();
    const responseUrl = t.fake.responseUrl();
    const ack = await t.send(ephemeralClick({ actionId, value, teamId, userId, triggerId, responseUrl }));
    expect(ack.status).toBe(200);
    return { since, triggerId, responseId: responseUrl.split('/').pop() ?? '' };
  }

  async function editFormFrom(teamId: string, actionId: string, value: string, callbackId: string) {
    const clicked = await click(teamId, actionId, value);
    return openedModal(t, clicked.since, callbackId, clicked.triggerId);
  }

  it('an admin’s lists have an Edit button per row; each opens that row’s form, pre-filled, and saves', async () => {
    const teamId = await workspace();
    const since = mark(t);

    const cycles = await listed('cycle list', teamId);
    expect(buttonsOf(cycles).map((b) => [b.actionId, b.value])).toEqual([[ACTION_IDS.editSalesCycle, 'STD']]);
    expect(sentences(cycles)).toContain('Edit');
    const cycleForm = await editFormFrom(teamId, ACTION_IDS.editSalesCycle, 'STD', CALLBACK_IDS.editSalesCycle);
    expect(inputElements(cycleForm.view).get(BLOCK_IDS.salesCycle.description)?.initial_value).toBe('Standard sale');
    const saved = mark(t);
    expect(
      (await submitModal(t, cycleForm, { [BLOCK_IDS.salesCycle.description]: 'Standard B2B' }, { teamId })).text,
    ).toBe('');
    const note = await t.fake.waitFor('chat.postEphemeral', (c) => saved.calls().includes(c));
    expect([note.args.channel, note.args.user]).toEqual([CHANNEL, ADMIN]);
    expect(sentences(note.args)).toContain('description “Standard sale” → “Standard B2B”');

    const stages = await listed('stage list STD', teamId);
    expect(buttonsOf(stages).map((b) => b.value)).toEqual(['STD 10', 'STD 20', 'STD 40', 'STD 50', 'STD 70']);
    expect(sentences(stages)).toContain('Edit stage 40');
    // Buttons sharing a block are numbered (`…_3`): one listener answers them all.
    const edit40 = buttonsOf(stages).find((b) => b.value === 'STD 40');
    expect(edit40?.actionId).toBe(`${ACTION_IDS.editStage}_3`);
    const stageForm = await editFormFrom(teamId, edit40?.actionId ?? '', 'STD 40', CALLBACK_IDS.editStage);
    expect(sentences(stageForm.view)).toContain('Stage *40* of sales cycle *STD*');
    expect(inputElements(stageForm.view).get(BLOCK_IDS.stage.chances)?.initial_value).toBe('60');
    await submitModal(t, stageForm, { [BLOCK_IDS.stage.chances]: '55' }, { teamId });
    await t.settle();
    const stage = await t.db.prisma.salesCycleStage.findFirstOrThrow({
      where: { workspaceId: teamId, stage: 40, salesCycle: { code: 'STD' } },
    });
    expect(stage.chancesPct.toString()).toBe('55');

    const codes = await listed('code list', teamId);
    expect(buttonsOf(codes).map((b) => [b.actionId, b.value])).toEqual([
      [ACTION_IDS.editCloseCode, 'WIN'],
      [ACTION_IDS.editCloseCode, 'NOBUDGET'],
      [ACTION_IDS.editCloseCode, 'PRICE'],
    ]);
    const codeForm = await editFormFrom(teamId, ACTION_IDS.editCloseCode, 'PRICE', CALLBACK_IDS.editCloseCode);
    expect(inputElements(codeForm.view).get(BLOCK_IDS.closeCode.description)?.initial_value).toBe('Too expensive');

    const contacts = await listed('contact list', teamId);
    const pat = buttonsOf(contacts).find((b) => b.actionId === ACTION_IDS.editContact && /^CT/.test(b.value));
    expect(buttonsOf(contacts)).toHaveLength(3);
    const contactForm = await editFormFrom(teamId, ACTION_IDS.editContact, pat?.value ?? '', CALLBACK_IDS.editContact);
    expect(inputElements(contactForm.view).get(BLOCK_IDS.contact.name)?.initial_value).toEqual(expect.any(String));
    expectNoBrokenText(since.calls());
  });

  it('a rep reads the lists without Edit buttons; a forged click opens nothing and says who may', async () => {
    const teamId = await workspace();
    for (const text of ['cycle list', 'stage list STD', 'code list', 'contact list'])
      expect(buttonsOf(await listed(text, teamId, REP)), text).toEqual([]);
    // The same click an admin's list offers, sent by the rep: refused by the use case, no form.
    for (const [actionId, value] of [
      [ACTION_IDS.editSalesCycle, 'STD'],
      [ACTION_IDS.editStage, 'STD 20'],
      [ACTION_IDS.editCloseCode, 'PRICE'],
      [ACTION_IDS.editContact, 'CT000001'],
    ] as const) {
      const clicked = await click(teamId, actionId, value, REP);
      const reply = await t.fake.waitFor('response_url', (c) => c.id === clicked.responseId);
      expect(sentences(reply.args)).toMatch(/Only admins can/);
      expect(clicked.since.calls('views.open')).toEqual([]);
    }
    // A value of another shape is "not found", for an admin too, and opens nothing.
    const forged = await click(teamId, ACTION_IDS.editStage, 'STD 20 <!channel>');
    const reply = await t.fake.waitFor('response_url', (c) => c.id === forged.responseId);
    expect(sentences(reply.args)).toContain('has no stage');
    expect(sentences(reply.args)).not.toContain('<!channel>');
    expect(forged.since.calls('views.open')).toEqual([]);
  });

  it('a long contact list keeps within Block Kit: one section and Edit button per row, then “and N more”', async () => {
    const teamId = await workspace();
    for (let i = 0; i < 60; i++)
      await t.app.services.setup.addContact(teamId, {
        name: `Prospect ${String(i).padStart(2, '0')}`,
        type: 'company',
      });
    const message = await listed('contact list prospect', teamId);
    const blocks = message.blocks as JsonObject[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const edits = buttonsOf(message).filter((b) => b.actionId === ACTION_IDS.editContact);
    expect(edits.length).toBe(blocks.filter((b) => b.type === 'section').length);
    expect(edits.length).toBeGreaterThan(40);
    expect(sentences(message)).toContain(`and ${50 - edits.length} more`);
  });

  // ---- examples cite the workspace's own codes -------------------------------------------------------

  it('help’s examples cite the workspace’s own cycle, stage and close codes; its default cycle first', async () => {
    const teamId = await workspace();
    const overview = await run(t, 'help', teamId);
    expect(overview).toContain('/opp stage edit STD 10 chance:35');
    expect(overview).toContain('/opp stage list STD');
    expect(overview).toContain('/opp close OP00012 won code:WIN amount:11,500');
    expect(overview).toContain('/opp stats cycle:STD');
    // Only what an example creates is made up.
    expect(overview.replaceAll('cycle add FIRM', '')).not.toContain('FIRM');
    const close = await run(t, 'help close', teamId);
    expect(close).toContain('/opp close OP00012 won code:WIN');
    expect(close).toContain('/opp close OP00012 lost code:NOBUDGET');
    expect(await run(t, 'help order', teamId)).toContain('/opp order OP00012 code:WIN');
    // Each example cited works here as it is.
    expect(await run(t, 'stage edit STD 10 chance:35', teamId)).toContain('chances of success 20% → 35%');

    // The default cycle is the one new opportunities get, so examples cite it.
    await t.app.services.setup.addSalesCycle(teamId, { code: 'RENEW', description: 'Renewals' });
    await t.app.services.setup.addStage(teamId, 'RENEW', {
      stage: 5,
      description: 'Offer',
      completedPct: dec(50),
      chancesPct: dec(50),
    });
    await run(t, 'setting default-cycle:RENEW', teamId);
    const stage = await run(t, 'help stage', teamId);
    expect(stage).toContain('/opp stage edit RENEW 5');
    expect(stage).not.toContain('STD');
  });

  it('a workspace without cycles or codes reads placeholders in help, escaped, not codes it lacks', async () => {
    const teamId = t.newWorkspace();
    const { reply } = await t.command('help', { teamId });
    const text = sentences(reply.args);
    expect(text).toContain('/opp stage edit &lt;CYCLE&gt; &lt;stage no&gt; chance:35');
    expect(text).toContain('/opp close OP00012 won code:&lt;CODE&gt;');
    expect(text).not.toMatch(/[<>]/);
    expect(text.replaceAll('cycle add FIRM', '')).not.toContain('FIRM');
    expect(await run(t, 'help close', teamId)).toContain('/opp close OP00012 lost code:&lt;CODE&gt;');
  });
});
