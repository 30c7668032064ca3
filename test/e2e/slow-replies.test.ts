// Slack answers a post to a response_url in tens to hundreds of milliseconds. A command that changes
// something does its work after the ack in one of a few slots (src/slack/after-ack.ts), which bound the
// statements and rendering that run at once; its reply used to go out inside the slot, so while Slack
// took its time the next changes waited for a slot, and a few dozen changes a second was all the app
// could do however idle its database. The slot is now given back when the reply is written, and the
// reply goes out after it. Here Slack does not answer the replies at all until the changes are made.
import { describe, expect, it } from 'vitest';
import { AFTER_ACK_SLOTS, AFTER_ACK_SLOTS_POSTGRES } from '../../src/slack/after-ack.ts';
import { BACKENDS } from '../support/databases.ts';
import { newOpportunity, seededWorkspace, useTestApp } from '../support/fixtures.ts';
import { sentences } from './e2e-kit.ts';

describe.each(BACKENDS)('replies that Slack is slow to answer, on %s', (backend) => {
  const t = useTestApp(backend);

  it('do not hold up the changes made after them, and each reply still arrives', async () => {
    const teamId = await seededWorkspace(t);
    // More changes than there are slots on either backend.
    const count = Math.max(AFTER_ACK_SLOTS, AFTER_ACK_SLOTS_POSTGRES) + 4;
    const nos: string[] = [];
    for (let i = 0; i < count; i++) nos.push(await newOpportunity(t.app.services, teamId));
    const moved = () =>
      t.db.prisma.opportunityEntry.count({
        where: { workspaceId: teamId, opportunity: { no: { in: nos } }, stage: 20, active: true },
      });
    expect(await moved()).toBe(0);

    const release = t.fake.hold('response_url');
    let released = false;
    try {
      const acks = await Promise.all(nos.map((no) => t.commandAck(`next ${no}`, { teamId })));
      for (const ack of acks) expect(ack.status).toBe(200);
      // Every change is made while Slack has answered none of the replies.
      await expect.poll(moved, { timeout: 20_000, interval: 100 }).toBe(count);
      await expect.poll(() => t.fake.calls('response_url').length, { timeout: 20_000, interval: 100 }).toBe(count);
      release();
      released = true;
      await t.settle();
      // Every reply is the card of its own opportunity at its new stage.
      const replies = t.fake.calls('response_url').map((call) => sentences(call.args));
      for (const no of nos) expect(replies.filter((text) => text.includes(no))).toHaveLength(1);
      // Each went through its response_url: none fell back to an ephemeral post or a DM.
      expect(t.fake.calls('chat.postEphemeral')).toHaveLength(0);
      expect(t.fake.calls('chat.postMessage')).toHaveLength(0);
    } finally {
      if (!released) release();
    }
  });
});
