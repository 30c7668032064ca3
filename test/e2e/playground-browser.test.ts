// The playground in a real browser: Debian's Chromium driven by playwright-core against the whole app
// (startPlayground: the Bolt receiver, listeners, use cases, database and scheduler, with the local
// stand-in for Slack). One person's working session, step by step, on one page; screenshots of the main
// screens go to test-output/playground/.
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPlayground, startPlayground } from '../../src/playground/start.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = 'test-output/playground';
const browserAvailable = existsSync(CHROMIUM);

if (!browserAvailable && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: .ci/run installs Debian's chromium package.`);
}
if (!browserAvailable) {
  console.warn(
    `\nBrowser tests of the playground SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run installs it).\n`,
  );
}

/** The launch flags that work on these machines (see ../shared/notes/playground.md). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-extensions',
  '--no-first-run',
  '--mute-audio',
];

const STEP_TIMEOUT = 120_000;

describe.skipIf(!browserAvailable)('the playground in a real browser', () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  /** The ts of the new opportunity's card, to follow that one message through its changes. */
  let cardTs = '';
  let opportunityNo = '';

  const card = (): Locator => page.locator(`.message[data-ts="${cardTs}"]`);
  const stageOfCard = async (): Promise<string> =>
    (await card().locator('.bk-field').filter({ hasText: 'Stage' }).innerText()).replace(/\s+/g, ' ');
  const messageBox = (): Locator => page.getByLabel('Message', { exact: true });
  const modal = (): Locator => page.locator('.modal');
  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });

  /** Submits the modal; on the slow path the app shows "Saving…" then "Saved", which Done closes. */
  async function submitModal(): Promise<void> {
    await modal().locator('.modal-submit').click();
    await expect.poll(() => modal().locator('.modal-title').innerText(), { timeout: 30_000 }).toBe('Saved');
    await modal().getByRole('button', { name: 'Done' }).click();
    await modal().waitFor({ state: 'detached' });
  }

  async function command(text: string): Promise<void> {
    await messageBox().fill(text);
    await messageBox().press('Enter');
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    playground = await startPlayground(
      { port: 0, host: undefined, databaseUrl: undefined, dataDir: 'memory://', logLevel: 'error' },
      // Every submission takes the slow path, so the "Saving…" view is seen each time.
      { app: { digestPostIntervalMs: 0, submitFastPathMs: 0 }, demoOpportunities: 12 },
    );
    await playground.ready;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(30_000);
    await page.goto(playground.url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });

  it(
    'opens on #sales, as the admin, with the demo pipeline digest and its chart',
    async () => {
      await expect.poll(() => page.locator('#title').innerText()).toBe('#sales');
      await expect.poll(() => page.locator('#person option:checked').innerText()).toContain('admin');
      const chart = page.locator('.message .file-image img');
      await chart.waitFor();
      await expect
        .poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(100);
      expect(await page.locator('.message .bk-header').first().innerText()).toContain('Pipeline digest');
      await shot('first-screen');
    },
    STEP_TIMEOUT,
  );

  it(
    'creates an opportunity through the New modal: a contact found by search, a date picked',
    async () => {
      await messageBox().fill('/opp new');
      await expect.poll(() => page.locator('#usage-line').innerText()).toContain('/opp new <description>');
      await messageBox().press('Enter');
      await expect.poll(() => modal().locator('.modal-title').innerText()).toBe('New opportunity');

      // Submitted empty: the app's errors appear under their fields.
      await modal().locator('.modal-submit').click();
      await expect.poll(() => modal().locator('.bk-error').count()).toBeGreaterThan(0);
      expect(await modal().locator('[data-block="create_description"] .bk-error').innerText()).not.toBe('');

      await modal().getByLabel('Description').fill('Playground fleet deal');
      await modal().getByLabel('Contact').fill('North');
      const suggestion = modal().locator('.bk-external-options li', { hasText: 'Northwind Traders' });
      await suggestion.click();
      await modal().getByLabel('Sales cycle').selectOption('FIELD');
      await modal().getByLabel('Estimated value').fill('24000');
      await modal().getByLabel('Chances of success %').fill('40');
      await modal().getByLabel('Estimated closing date').fill('2031-01-29');
      await shot('new-opportunity-modal');
      await submitModal();

      const created = page.locator('.message.ephemeral', { hasText: 'Playground fleet deal' }).last();
      await created.waitFor();
      expect(await created.innerText()).toContain('Only visible to you');
      expect(await created.innerText()).toContain('Northwind Traders');
      // The admin's Slack locale is en-GB: the card writes the date as they do.
      expect(await created.innerText()).toContain('29 Jan 2031');
      cardTs = (await created.getAttribute('data-ts')) ?? '';
      opportunityNo = /OP\d{5}/.exec(await created.innerText())?.[0] ?? '';
      expect(opportunityNo).not.toBe('');
      expect(await stageOfCard()).toContain('10 · Initial contact');
    },
    STEP_TIMEOUT,
  );

  it(
    'Next on the card changes that same message in place',
    async () => {
      const messagesBefore = await page.locator('.message').count();
      await card().getByRole('button', { name: 'Next stage' }).click();
      await expect.poll(stageOfCard).toContain('20 · Qualification');
      await card().getByRole('button', { name: 'Next stage' }).click();
      await expect.poll(stageOfCard).toContain('30 · Needs analysis');
      expect(await page.locator('.message').count()).toBe(messagesBefore);
      await shot('card');
    },
    STEP_TIMEOUT,
  );

  it(
    'Next into the Quote Required stage is refused, with the reason',
    async () => {
      const refusals = page.locator('.message.ephemeral', { hasText: 'until a sales quote is assigned' });
      await card().getByRole('button', { name: 'Next stage' }).click();
      await refusals.first().waitFor();
      expect(await refusals.first().innerText()).toContain('stage 50 (Proposal)');
      expect(await stageOfCard()).toContain('30 · Needs analysis');
    },
    STEP_TIMEOUT,
  );

  it(
    'makes a quote, moves on, and closes the opportunity as Won through the Close modal',
    async () => {
      await card().getByRole('button', { name: 'Create quote' }).click();
      await expect.poll(() => modal().locator('.modal-title').innerText()).toBe(`Quote for ${opportunityNo}`);
      await modal().getByLabel('Line 1 · description').fill('Delivery trucks');
      await modal().getByLabel('Line 1 · quantity').fill('2');
      await modal().getByLabel('Line 1 · unit price').fill('12000');
      await submitModal();
      // The quote is announced to the channel, for everyone.
      await page.locator('.message:not(.ephemeral)', { hasText: opportunityNo }).first().waitFor();

      await card().getByRole('button', { name: 'Next stage' }).click();
      await expect.poll(stageOfCard).toContain('50 · Proposal');

      await card().getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => modal().locator('.modal-title').innerText()).toBe(`Close ${opportunityNo}`);
      // Choosing the outcome makes the app update the view with the matching close codes.
      await modal().getByText('Won', { exact: true }).click();
      const codes = modal().getByLabel('Close code');
      await codes.waitFor();
      await codes.selectOption('PRICE');
      await shot('close-modal');
      await submitModal();

      // The win is announced to the channel, for everyone.
      const announcement = page.locator('.message:not(.ephemeral)', { hasText: `won ${opportunityNo}` });
      await announcement.waitFor();
      expect(await announcement.innerText()).toContain('Priya Shah');
      expect(await announcement.innerText()).toContain('$24,000.00');
    },
    STEP_TIMEOUT,
  );

  it(
    "opens App Home: an admin reads the team's open pipeline, by stage and by salesperson",
    async () => {
      await page.locator('#apps [data-at="home"]').click();
      await expect.poll(() => page.locator('#home .bk-header').first().innerText()).toBe("The team's open pipeline");
      const home = await page.locator('#home').innerText();
      expect(home).toContain('By stage');
      expect(home).toContain('By salesperson');
      expect(home).toMatch(/\d+ · [A-Z][a-z]+.* \(FIELD\)/);
      // The opportunity just won is no longer open.
      expect(home).not.toContain(opportunityNo);
      await shot('app-home');
    },
    STEP_TIMEOUT,
  );

  it(
    'posts a digest in #pipeline and shows its chart',
    async () => {
      await page.locator('#channels [data-at="C0PLAYDIGST"]').click();
      await expect.poll(() => page.locator('#title').innerText()).toBe('#pipeline');
      await command('/opp digest');
      const chart = page.locator('.message .file-image img');
      await chart.waitFor();
      await expect
        .poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
        .toBeGreaterThan(100);
      await shot('digest');
    },
    STEP_TIMEOUT,
  );

  it(
    'switched to a rep, an admin command is refused and says which role it needs',
    async () => {
      await page.locator('#person').selectOption({ label: 'Alex Morgan — rep' });
      await expect.poll(() => page.locator('#person-details').innerText()).toContain('Europe/Berlin');
      // The admin's messages only they could see are gone; the channel's messages stay.
      expect(await page.locator('.message.ephemeral').count()).toBe(0);
      await command('/opp cycle add DIRECT Direct sales');
      const refusal = page.locator('.message.ephemeral', { hasText: 'Only admins' });
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain('Only visible to you');
      await shot('rep-refused');
    },
    STEP_TIMEOUT,
  );

  it(
    'Reset demo, once confirmed, starts the workspace again from the seed',
    async () => {
      await page.locator('#person').selectOption({ label: 'Priya Shah — admin' });
      await page.locator('#reset').click();
      await page.locator('.confirm-dialog').getByRole('button', { name: 'Reset demo' }).click();
      await page.locator('#channels [data-at="C0PLAYSALES"]').click();
      await page.locator('.message .file-image img').waitFor();
      await expect.poll(() => page.locator('#preparing').isHidden()).toBe(true);
      expect(await page.locator('.message', { hasText: opportunityNo }).count()).toBe(0);
      await command(`/opp show ${opportunityNo}`);
      await page.locator('.message.ephemeral', { hasText: opportunityNo }).waitFor();
      expect(await page.locator('.message.ephemeral', { hasText: 'Playground fleet deal' }).count()).toBe(0);
    },
    STEP_TIMEOUT,
  );
});
