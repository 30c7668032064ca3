// Forms decide nothing themselves (issue 10, section 2): a form's private_metadata carries only the id
// of its server-side context, which says which opportunity and version it changes and where its result
// goes, bound to the workspace, the user, the form and a day. Edited metadata (another channel, another
// message, no version), another person's or workspace's context, an expired one, or one lacking a field
// are refused with a sentence, and nothing is written or posted. A card is updated in place only when
// the form was opened from that opportunity's own card.
import { describe, expect, it } from 'vitest';
import { system } from '../../src/i18n/en/system.ts';
import { ACTION_IDS, BLOCK_IDS, CALLBACK_IDS, closeCodeBlockId } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp, workspaceRows } from '../support/fixtures.ts';
import type { JsonObject } from '../support/fake-slack.ts';
import { SLACK_DEFAULTS } from '../support/slack-defaults.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { allText, TEST_NOW } from '../support/test-app.ts';
import {
  buttonsOf,
  fieldErrors,
  mark,
  modalAction,
  openedModal,
  type OpenedModal,
  run,
  submitModal,
  updatedModal,
} from './e2e-kit.ts';

const ME = SLACK_DEFAULTS.userId;
const MANAGER = 'U0MGRFORM1';
const CHANNEL = SLACK_DEFAULTS.channelId;
const ELSEWHERE = 'C0ELSEWHR1';
const REFUSED = [system.formContextRefused];
const X = BLOCK_IDS.close;

describe.each(BACKENDS)('form contexts on %s', (backend) => {
  const t = useTestApp(backend);
  let tsCounter = 0;

  /** A seeded workspace where ME is admin (the first to use /opp) and MANAGER a manager. */
  async function workspace(): Promise<string> {
    const teamId = await seededWorkspace(t);
    await run(t, `role <@${MANAGER}> manager`, teamId);
    return teamId;
  }

  const opportunity = (teamId: string) => newOpportunity(t.app.services, teamId);

  /** What is stored about a workspace: compared before and after a refusal. */
  const rows = async (teamId: string) => JSON.stringify(await workspaceRows(t.db, teamId));

  /** The card of an opportunity as the app renders it (`/opp show`). */
  async function card(teamId: string, no: string): Promise<JsonObject> {
    return (await t.command(`show ${no}`, { teamId })).reply.args;
  }

  /** Clicks a button (by action id) of `message`, posted in CHANNEL at a fresh ts; returns that ts. */
  async function clickOn(
    teamId: string,
    message: JsonObject,
    actionId: string,
    options: { userId?: string; value?: string } = {},
  ) {
    tsCounter += 1;
    const messageTs = `1700000300.${String(tsCounter).padStart(6, '0')}`;
    const b = buttonsOf(message).find((x) => x.actionId === actionId);
    expect(b, `no ${actionId} button`).toBeDefined();
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.click({
      actionId,
      blockId: b?.blockId ?? '',
      value: options.value ?? b?.value ?? '',
      teamId,
      ...(options.userId ? { userId: options.userId } : {}),
      channelId: CHANNEL,
      messageTs,
      triggerId,
      responseUrl: t.fake.responseUrl(),
      message: { type: 'message', ts: messageTs, text: String(message.text), blocks: message.blocks },
    });
    return { since, messageTs, triggerId };
  }

  async function openByCommand(text: string, teamId: string, callbackId: string, userId: string = ME) {
    const since = mark(t);
    const triggerId = newTriggerId();
    await t.commandAck(text, { teamId, userId, triggerId });
    return openedModal(t, since, callbackId, triggerId);
  }

  /** The Close form with Won picked (an in-modal action: the form is rebuilt with the same context). */
  async function pickWon(teamId: string, modal: OpenedModal, userId: string = ME): Promise<OpenedModal> {
    const since = mark(t);
    const change = {
      blockId: X.outcome,
      actionId: ACTION_IDS.closeOutcome,
      type: 'radio_buttons',
      action: { selected_option: { value: 'won' } },
    };
    await modalAction(t, modal, change, { [X.outcome]: 'won' }, teamId, userId);
    return updatedModal(t, since, modal);
  }

  const wonInputs = { [X.outcome]: 'won', [closeCodeBlockId('won')]: 'WIN', [X.salesAmount]: '9,000' };

  it('edited metadata, or a context that is not this form’s own, is refused: nothing written, nothing posted', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const message = await card(teamId, no);
    const click = await clickOn(teamId, message, ACTION_IDS.close);
    const opened = await openedModal(t, click.since, CALLBACK_IDS.closeOpportunity, click.triggerId);
    const contextId = String(opened.view.private_metadata);
    expect(contextId).toMatch(/^[0-9a-f]{32}$/);
    const close = await pickWon(teamId, opened);
    // The rebuilt form keeps its context.
    expect(close.view.private_metadata).toBe(contextId);
    const version = (await t.db.prisma.opportunity.findFirstOrThrow({ where: { workspaceId: teamId, no } })).version;

    // Contexts that exist but are not this form's: a manager's Close form on the same opportunity, the
    // Update form's of the same person, one of another workspace, and one stored without its version.
    const managers = await openByCommand(`close ${no}`, teamId, CALLBACK_IDS.closeOpportunity, MANAGER);
    const update = await openByCommand(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    const otherTeam = await workspace();
    const otherNo = await opportunity(otherTeam);
    const foreign = await openByCommand(`close ${otherNo}`, otherTeam, CALLBACK_IDS.closeOpportunity);
    const withoutVersion = await t.app.services.contexts.create(
      `form:${CALLBACK_IDS.closeOpportunity}`,
      teamId,
      ME,
      { no, channelId: CHANNEL },
      60_000,
    );

    const before = await rows(teamId);
    const since = mark(t);
    for (const privateMetadata of [
      // What the form used to carry, edited: another channel, another message, no version.
      JSON.stringify({ no, version, channelId: ELSEWHERE, messageTs: click.messageTs }),
      JSON.stringify({ no, version, channelId: CHANNEL, messageTs: '1700000999.000001' }),
      JSON.stringify({ no, channelId: CHANNEL, messageTs: click.messageTs }),
      String(managers.view.private_metadata),
      String(update.view.private_metadata),
      String(foreign.view.private_metadata),
      withoutVersion,
      '',
    ]) {
      const errors = fieldErrors(await submitModal(t, close, wonInputs, { teamId, privateMetadata }));
      expect(Object.values(errors), privateMetadata).toEqual(REFUSED);
    }
    // Its own context, submitted by someone else (the manager may close it, but not with this form).
    const errors = fieldErrors(await submitModal(t, close, wonInputs, { teamId, userId: MANAGER }));
    expect(Object.values(errors)).toEqual(REFUSED);
    await t.settle();
    expect(since.calls('chat.postMessage')).toEqual([]);
    expect(since.calls('chat.update')).toEqual([]);
    expect(since.calls('chat.postEphemeral')).toEqual([]);
    expect(await rows(teamId)).toBe(before);

    // The form as the app made it: closed, its card updated in place, the win announced where it was opened.
    const done = mark(t);
    expect((await submitModal(t, close, wonInputs, { teamId })).text).toBe('');
    const replaced = await t.fake.waitFor('chat.update', (c) => done.calls('chat.update').includes(c));
    expect([replaced.args.channel, replaced.args.ts]).toEqual([CHANNEL, click.messageTs]);
    const announced = await t.fake.waitFor('chat.postMessage', (c) => done.calls('chat.postMessage').includes(c));
    expect(announced.args.channel).toBe(CHANNEL);
    expect(allText(announced.args)).toMatch(/won OP00001/);
  });

  it('a stale Update form is refused whatever its metadata says; an expired form is refused', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const update = await openByCommand(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    const later = await openByCommand(`move ${no}`, teamId, CALLBACK_IDS.updateOpportunity);
    // Someone moves it meanwhile: without `version` the form used to skip the stale check.
    await run(t, `next ${no}`, teamId);
    const before = await rows(teamId);
    const withoutVersion = JSON.stringify({ no, channelId: CHANNEL });
    const errors = fieldErrors(await submitModal(t, update, {}, { teamId, privateMetadata: withoutVersion }));
    expect(Object.values(errors)).toEqual(REFUSED);
    const stale = fieldErrors(await submitModal(t, update, {}, { teamId }));
    expect(Object.values(stale).join(' ')).toMatch(/was changed by someone else in the meantime/);
    expect(await rows(teamId)).toBe(before);

    // A day after it was opened, a form is refused (and nothing is written).
    t.clock.set(new Date(new Date(TEST_NOW).getTime() + 24 * 3_600_000 + 60_000));
    try {
      const since = mark(t);
      const expired = fieldErrors(await submitModal(t, later, {}, { teamId }));
      expect(Object.values(expired)).toEqual(REFUSED);
      await t.settle();
      expect(since.calls('chat.update')).toEqual([]);
      expect(since.calls('chat.postEphemeral')).toEqual([]);
      expect(await rows(teamId)).toBe(before);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('a form opened from a message that is not the opportunity’s card never overwrites that message', async () => {
    const teamId = await workspace();
    const no = await opportunity(teamId);
    const other = await opportunity(teamId);
    const shown = await opportunity(teamId);
    // A message in the channel with an Update button that is not the opportunity's card: a digest-like
    // message (for OP00001), and OP00003's card whose button value names OP00002.
    const digest: JsonObject = {
      text: 'Pipeline digest',
      blocks: [
        { type: 'section', block_id: 'digest_summary', text: { type: 'mrkdwn', text: 'Pipeline digest' } },
        {
          type: 'actions',
          block_id: 'digest_actions',
          elements: [{ type: 'button', action_id: ACTION_IDS.update, value: no }],
        },
      ],
    };
    for (const [message, value] of [
      [digest, no],
      [await card(teamId, shown), other],
    ] as const) {
      const click = await clickOn(teamId, message, ACTION_IDS.update, { value });
      const modal = await openedModal(t, click.since, CALLBACK_IDS.updateOpportunity, click.triggerId);
      const stored = await t.db.prisma.interactionContext.findUniqueOrThrow({
        where: { id: String(modal.view.private_metadata) },
      });
      expect(stored.payload).toEqual({ no: value, version: expect.any(Number) as number, channelId: CHANNEL });
      const since = mark(t);
      expect((await submitModal(t, modal, {}, { teamId })).text).toBe('');
      // Saved; the card goes to the person privately, the clicked message stays as it was.
      const privately = await t.fake.waitFor('chat.postEphemeral', (c) =>
        since.calls('chat.postEphemeral').includes(c),
      );
      expect([privately.args.channel, privately.args.user]).toEqual([CHANNEL, ME]);
      expect(allText(privately.args)).toMatch(new RegExp(`${value} · Fleet renewal`));
      await t.settle();
      expect(since.calls('chat.update')).toEqual([]);
      const moved = await t.db.prisma.opportunityEntry.findFirstOrThrow({
        where: { workspaceId: teamId, active: true, opportunity: { no: value } },
      });
      expect(moved.stage).toBe(20);
    }
  });
});
