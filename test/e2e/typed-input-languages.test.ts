// Values typed in the person's language, end to end: the locale Slack gives for the user (users.info with
// include_locale) decides how dates, amounts and won/lost words read, through the command and through a
// modal. Keywords stay English. The test clock says Monday 2 November 2026, 10:00 UTC (05:00 in Toronto).
import { describe, expect, it } from 'vitest';
import { BLOCK_IDS, CALLBACK_IDS } from '../../src/slack/ids.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { newTriggerId } from '../support/slack-requests.ts';
import { mark, openedModal, run, submitModal } from './e2e-kit.ts';

/** A rep in Montréal whose Slack speaks Canadian French. */
const CHLOE = 'U0CHLOE001';
/** A rep in Milan whose Slack speaks Italian. */
const GIULIA = 'U0GIULIA01';
/** A rep in Chicago whose Slack speaks American English. */
const SAM = 'U0SAM00001';
const U = BLOCK_IDS.update;

describe.each(BACKENDS)('values typed in the person’s language on %s', (backend) => {
  const t = useTestApp(backend, {}, (app) => {
    app.fake.setUser(CHLOE, { real_name: 'Chloé Tremblay', tz: 'America/Toronto', locale: 'fr-CA' });
    app.fake.setUser(GIULIA, { real_name: 'Giulia Conti', tz: 'Europe/Rome', locale: 'it-IT' });
    app.fake.setUser(SAM, { real_name: 'Sam Reed', tz: 'America/Chicago', locale: 'en-US' });
  });

  async function active(teamId: string, no: string) {
    const row = await t.db.prisma.opportunity.findUniqueOrThrow({
      where: { workspaceId_no: { workspaceId: teamId, no } },
      include: { entries: { where: { active: true } } },
    });
    const entry = row.entries[0];
    return {
      value: entry?.estimatedValue.toString(),
      chances: entry?.chancesPct.toString(),
      close: entry?.estimatedCloseDate.toISOString().slice(0, 10),
      status: row.status,
    };
  }

  it('a French-Canadian rep updates with close:"fin du mois" value:"12 000,50" chance:"40 %"', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { owner: CHLOE });
    // The thousands are grouped with a narrow no-break space, as French keyboards and Intl write them.
    await run(t, `update ${no} close:"fin du mois" value:"12\u202f000,50" chance:"40 %"`, teamId, CHLOE);
    expect(await active(teamId, no)).toMatchObject({ value: '12000.5', chances: '40', close: '2026-11-30' });

    await run(t, `update ${no} close:"vendredi prochain" value:"12,500"`, teamId, CHLOE);
    // Friday of next week; in French the comma is the decimal separator.
    expect(await active(teamId, no)).toMatchObject({ value: '12.5', close: '2026-11-13' });

    // English keeps working for her.
    await run(t, `update ${no} close:"end of next month"`, teamId, CHLOE);
    expect(await active(teamId, no)).toMatchObject({ close: '2026-12-31' });
  });

  it('the same text reads the English way for an American rep, and French dates are not English', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { owner: SAM });
    await run(t, `update ${no} value:"12,500"`, teamId, SAM);
    expect(await active(teamId, no)).toMatchObject({ value: '12500' });
    const before = await active(teamId, no);
    expect(await run(t, `update ${no} close:"fin du mois"`, teamId, SAM)).toMatch(
      /`fin du mois` is not one I can read/,
    );
    expect(await active(teamId, no)).toEqual(before);
  });

  it('the Update Opportunity modal reads an Italian rep’s amount in Italian notation', async () => {
    const teamId = await seededWorkspace(t);
    const no = await newOpportunity(t.app.services, teamId, { owner: GIULIA });
    const since = mark(t);
    const triggerId = newTriggerId();
    const ack = await t.commandAck(`move ${no}`, { teamId, userId: GIULIA, triggerId });
    expect(ack.status).toBe(200);
    const modal = await openedModal(t, since, CALLBACK_IDS.updateOpportunity, triggerId);
    // In Italian the dot groups thousands: "15.000" is fifteen thousand (in English it could be fifteen).
    const submitted = await submitModal(
      t,
      modal,
      { [U.estimatedValue]: '15.000', [U.chances]: '45,5' },
      { teamId, userId: GIULIA },
    );
    expect(submitted.text).toBe('');
    expect(await active(teamId, no)).toMatchObject({ value: '15000', chances: '45.5' });
  });
});
