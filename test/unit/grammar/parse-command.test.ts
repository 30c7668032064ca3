import { describe, expect, it } from 'vitest';
import type { DateContext } from '../../../src/domain/human-date.ts';
import { parseOppCommand } from '../../../src/slack/grammar/parse-command.ts';
import { NOW, UTC, parsed } from './helpers.ts';

const ANN = '<@U0ANN|ann>';
const SALES = '<#C0SALES|sales>';

// For every subcommand: examples from commands.md (and the additions) with the expected parse.
const VALID: [string, unknown][] = [
  ['', { name: 'help' }],
  ['   ', { name: 'help' }],
  ['help', { name: 'help' }],
  ['help close', { name: 'help', topic: 'close' }],
  ['HELP Setup Cycle add', { name: 'help', topic: 'cycle' }],
  // Setup
  [
    'cycle add FIRM Firm opportunities calc:multiply',
    { name: 'cycle-add', code: 'FIRM', description: 'Firm opportunities', calc: 'multiply' },
  ],
  [
    'setup cycle add firm Firm opportunities calc:ADD blocked:yes',
    { name: 'cycle-add', code: 'FIRM', description: 'Firm opportunities', calc: 'add', blocked: true },
  ],
  ['cycle list', { name: 'cycle-list' }],
  ['setup cycle list', { name: 'cycle-list' }],
  ['cycle block exist', { name: 'cycle-block', code: 'EXIST', blocked: true }],
  ['setup cycle unblock EXIST', { name: 'cycle-block', code: 'EXIST', blocked: false }],
  ['cycle delete test', { name: 'cycle-delete', code: 'TEST' }],
  [
    'stage add FIRM 1 Initial contact completed:10 chance:20 formula:1w',
    {
      name: 'stage-add',
      cycle: 'FIRM',
      stageNo: 1,
      description: 'Initial contact',
      completedPct: '10',
      chancePct: '20',
      dateFormula: '1W',
    },
  ],
  [
    'stage add FIRM 2 Presentation completed:40% chance:40 skip:no quote:yes formula:CM+1M activity:pres',
    {
      name: 'stage-add',
      cycle: 'FIRM',
      stageNo: 2,
      description: 'Presentation',
      completedPct: '40',
      chancePct: '40',
      allowSkip: false,
      quoteRequired: true,
      dateFormula: 'CM+1M',
      activityCode: 'PRES',
    },
  ],
  ['stage list FIRM', { name: 'stage-list', cycle: 'FIRM' }],
  ['stage delete firm 20', { name: 'stage-delete', cycle: 'FIRM', stageNo: 20 }],
  ['code add PRICE won Best price', { name: 'code-add', code: 'PRICE', outcome: 'won', description: 'Best price' }],
  [
    'setup code add comp LOST Lost to a competitor',
    { name: 'code-add', code: 'COMP', outcome: 'lost', description: 'Lost to a competitor' },
  ],
  ['code list', { name: 'code-list' }],
  ['setup code delete comp', { name: 'code-delete', code: 'COMP' }],
  [
    'contact add Acme Corp company customer:yes',
    { name: 'contact-add', contactName: 'Acme Corp', type: 'company', customer: true },
  ],
  [
    'contact add "Ann Lee" person company:"Acme Corp" email:<mailto:ann@acme.com|ann@acme.com>',
    { name: 'contact-add', contactName: 'Ann Lee', type: 'person', company: 'Acme Corp', email: 'ann@acme.com' },
  ],
  ['contact add R&amp;D Partners company', { name: 'contact-add', contactName: 'R&D Partners', type: 'company' }],
  ['contact list', { name: 'contact-list' }],
  ['contact list acme corp', { name: 'contact-list', search: 'acme corp' }],
  ['customer add Acme Corp', { name: 'customer-add', contact: 'Acme Corp' }],
  ['setup customer add CT000012', { name: 'customer-add', contact: 'CT000012' }],
  [
    'activity add PRES Presentation step:"Book meeting;0D" step:“Send follow-up; 1w”',
    {
      name: 'activity-add',
      code: 'PRES',
      description: 'Presentation',
      steps: [
        { description: 'Book meeting', dateFormula: '0D' },
        { description: 'Send follow-up', dateFormula: '1W' },
      ],
    },
  ],
  ['activity add CALL Phone call', { name: 'activity-add', code: 'CALL', description: 'Phone call', steps: [] }],
  ['activity list', { name: 'activity-list' }],
  [`role ${ANN} manager`, { name: 'role', userId: 'U0ANN', role: 'manager' }],
  ['setup role <@W123> Admin', { name: 'role', userId: 'W123', role: 'admin' }],
  ['roles', { name: 'roles' }],
  ['workspace delete', { name: 'workspace-delete' }],
  ['setting', { name: 'setting' }],
  ['setting reps-see-own:yes', { name: 'setting', repsSeeOwn: true }],
  ['setup setting Reps-See-Own:no', { name: 'setting', repsSeeOwn: false }],
  [
    'setting currency:eur default-cycle:firm stale-days:21',
    { name: 'setting', currency: 'EUR', defaultCycle: 'FIRM', staleDays: 21 },
  ],
  ['setting default-cycle:None', { name: 'setting', defaultCycle: null }],
  // Opportunities
  ['new', { name: 'new-modal' }],
  [
    'new Website redesign contact:"Acme Corp" value:12,000 chance:40 close:end of next month',
    {
      name: 'new',
      description: 'Website redesign',
      contact: 'Acme Corp',
      value: '12000',
      chancePct: '40',
      closeDate: '2026-06-30',
    },
  ],
  [
    `New CRM licences Contact:Acme VALUE:12 000.50 chance:12.5% close:2026-12-15 cycle:firm owner:${ANN} priority:High`,
    {
      name: 'new',
      description: 'CRM licences',
      contact: 'Acme',
      value: '12000.5',
      chancePct: '12.5',
      closeDate: '2026-12-15',
      cycle: 'FIRM',
      ownerId: 'U0ANN',
      priority: 'high',
    },
  ],
  [
    'new Q3: renewal contact: Acme value: 5000 chance: 50 close: in 30 days',
    {
      name: 'new',
      description: 'Q3: renewal',
      contact: 'Acme',
      value: '5000',
      chancePct: '50',
      closeDate: '2026-06-19',
    },
  ],
  [
    'new "Renewal close: soon" contact:Acme value:1 chance:1 close:today',
    {
      name: 'new',
      description: 'Renewal close: soon',
      contact: 'Acme',
      value: '1',
      chancePct: '1',
      closeDate: '2026-05-20',
    },
  ],
  ['show Fleet renewal', { name: 'show-named', text: 'Fleet renewal' }],
  ['edit OP00012', { name: 'edit-modal', no: 'OP00012' }],
  [
    `edit OP00012 owner:${ANN} priority:HIGH description:"Fleet renewal, phase 2" contact:Pat Person`,
    {
      name: 'edit',
      no: 'OP00012',
      ownerId: 'U0ANN',
      priority: 'high',
      description: 'Fleet renewal, phase 2',
      contact: 'Pat Person',
    },
  ],
  ['note OP00012', { name: 'note-modal', no: 'OP00012' }],
  ['note OP00012 Called Pat: wants a quote', { name: 'note', no: 'OP00012', text: 'Called Pat: wants a quote' }],
  ['find Müller  logistik', { name: 'find', text: 'Müller logistik' }],
  ['list', { name: 'list', filters: { scope: { kind: 'mine' }, status: 'open' } }],
  ['list mine', { name: 'list', filters: { scope: { kind: 'mine' }, status: 'open' } }],
  ['list all status:won', { name: 'list', filters: { scope: { kind: 'all' }, status: 'won' } }],
  [
    `list ${ANN} contact:"Acme Corp" status:ALL cycle:firm`,
    {
      name: 'list',
      filters: { scope: { kind: 'user', userId: 'U0ANN' }, contact: 'Acme Corp', status: 'all', cycle: 'FIRM' },
    },
  ],
  ['list everyone', { name: 'list', filters: { scope: { kind: 'all' }, status: 'open' } }],
  ['list Fleet renewal', { name: 'list-named', text: 'Fleet renewal' }],
  ['list op00012', { name: 'show', no: 'OP00012' }],
  ['show OP00012', { name: 'show', no: 'OP00012' }],
  ['show op00012', { name: 'show', no: 'OP00012' }],
  ['next OP00012', { name: 'next', no: 'OP00012', changes: {} }],
  [
    'next OP00012 value:15000 chance:60 close:in 30 days date:yesterday',
    { name: 'next', no: 'OP00012', changes: { value: '15000', chance: '60', close: '2026-06-19', date: '2026-05-19' } },
  ],
  ['previous op00012 date:friday', { name: 'previous', no: 'OP00012', changes: { date: '2026-05-15' } }],
  ['skip OP00012 to:4', { name: 'skip', no: 'OP00012', toStage: 4, changes: {} }],
  ['skip OP00012 to:4 value:15000', { name: 'skip', no: 'OP00012', toStage: 4, changes: { value: '15000' } }],
  [
    'jump OP00012 to:2 close:end of quarter',
    { name: 'jump', no: 'OP00012', toStage: 2, changes: { close: '2026-06-30' } },
  ],
  ['update OP00012 value:14 500', { name: 'update', no: 'OP00012', changes: { value: '14500' } }],
  [
    'update OP00012 chance:70 close:friday',
    { name: 'update', no: 'OP00012', changes: { chance: '70', close: '2026-05-22' } },
  ],
  ['move OP00012', { name: 'move', no: 'OP00012' }],
  ['close OP00012', { name: 'close-modal', no: 'OP00012' }],
  [
    'close OP00012 won code:price date:today amount:11,500',
    { name: 'close', no: 'OP00012', outcome: 'won', closeCode: 'PRICE', date: '2026-05-20', amount: '11500' },
  ],
  ['close op00012 LOST code:COMP', { name: 'close', no: 'OP00012', outcome: 'lost', closeCode: 'COMP' }],
  ['quote OP00012', { name: 'quote-modal', no: 'OP00012' }],
  [
    'quote OP00012 line:"Licences;10;1200;5" line:Onboarding; 1; 3,000.50',
    {
      name: 'quote',
      no: 'OP00012',
      lines: [
        { description: 'Licences', quantity: '10', unitPrice: '1200', discountPct: '5' },
        { description: 'Onboarding', quantity: '1', unitPrice: '3000.5', discountPct: '0' },
      ],
    },
  ],
  ['order OP00012', { name: 'order', no: 'OP00012' }],
  ['order OP00012 code:win', { name: 'order', no: 'OP00012', closeCode: 'WIN' }],
  ['delete OP00012', { name: 'delete', no: 'OP00012' }],
  ['purge', { name: 'purge' }],
  [
    `purge status:lost closed-before:2026-01-01 closed-after:1/1/2025 owner:${ANN} contact:Acme cycle:FIRM`,
    {
      name: 'purge',
      status: 'lost',
      closedBefore: '2026-01-01',
      closedAfter: '2025-01-01',
      ownerId: 'U0ANN',
      contact: 'Acme',
      cycle: 'FIRM',
    },
  ],
  ['purge closed-before:end of last year', { name: 'purge', closedBefore: '2025-12-31' }],
  // Pipeline
  ['digest', { name: 'digest' }],
  [`digest cycle:FIRM owner:${ANN}`, { name: 'digest', cycle: 'FIRM', ownerId: 'U0ANN' }],
  ['stats OP00012', { name: 'stats', target: { kind: 'opportunity', no: 'OP00012' } }],
  ['stats cycle:FIRM', { name: 'stats', target: { kind: 'cycle', cycle: 'FIRM' } }],
  ['export', { name: 'export', filters: { scope: { kind: 'mine' }, status: 'open' }, scopeGiven: false }],
  [
    'export all status:all cycle:FIRM',
    { name: 'export', filters: { scope: { kind: 'all' }, status: 'all', cycle: 'FIRM' }, scopeGiven: true },
  ],
  [`subscribe ${SALES} daily`, { name: 'subscribe', channelId: 'C0SALES', frequency: 'daily' }],
  [
    `subscribe ${SALES} weekly at:9:30 day:mon tz:europe/berlin cycle:FIRM`,
    {
      name: 'subscribe',
      channelId: 'C0SALES',
      frequency: 'weekly',
      at: '09:30',
      weekday: 1,
      timeZone: 'Europe/Berlin',
      cycle: 'FIRM',
    },
  ],
  [
    'subscribe <#G01ABC> Monthly at:5pm tz:UTC',
    { name: 'subscribe', channelId: 'G01ABC', frequency: 'monthly', at: '17:00', timeZone: 'UTC' },
  ],
  [`unsubscribe ${SALES}`, { name: 'unsubscribe', channelId: 'C0SALES' }],
  ['subscriptions', { name: 'subscriptions' }],
];

describe('parseOppCommand: valid commands', () => {
  it.each(VALID)('%s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });
});

describe('dates are read in the user’s zone and date order', () => {
  const auckland: DateContext = { now: NOW, timeZone: 'Pacific/Auckland', dateOrder: 'DMY' };
  const losAngeles: DateContext = { now: NOW, timeZone: 'America/Los_Angeles', dateOrder: 'MDY' };
  it('today is the 21st in Auckland at 23:30 UTC on the 20th', () => {
    expect(parsed('close OP00001 won code:X date:today', auckland)).toMatchObject({ date: '2026-05-21' });
    expect(parsed('close OP00001 won code:X date:today', UTC)).toMatchObject({ date: '2026-05-20' });
    expect(parsed('close OP00001 won code:X date:today', losAngeles)).toMatchObject({ date: '2026-05-20' });
  });
  it('numeric dates follow the date order', () => {
    expect(parsed('update OP00001 close:05/12/2026', UTC)).toMatchObject({ changes: { close: '2026-12-05' } });
    expect(parsed('update OP00001 close:05/12/2026', losAngeles)).toMatchObject({ changes: { close: '2026-05-12' } });
  });
});

describe('tokenizing rules', () => {
  it('keys are case-insensitive and a value runs until the next key', () => {
    expect(parsed('update OP00001 CLOSE:end of next month Chance:5')).toEqual({
      name: 'update',
      no: 'OP00001',
      changes: { close: '2026-06-30', chance: '5' },
    });
  });
  it('mentions with spaces in the display name are one word', () => {
    expect(parsed('list <@U1|Ann Lee> status:won')).toMatchObject({
      filters: { scope: { kind: 'user', userId: 'U1' } },
    });
  });
  it('curly quotes wrap values', () => {
    expect(parsed('list contact:“Acme Corp”')).toMatchObject({ filters: { contact: 'Acme Corp' } });
    expect(parsed('list contact:‘Acme Corp’')).toMatchObject({ filters: { contact: 'Acme Corp' } });
  });
  it('apostrophes inside words are literal', () => {
    expect(parsed("contact add O'Brien Ltd company")).toMatchObject({ contactName: "O'Brien Ltd" });
    expect(parsed("contact add 'O'Brien Ltd' company")).toMatchObject({ contactName: "O'Brien Ltd" });
    expect(parsed("contact add '90s Shop company")).toMatchObject({ contactName: "'90s Shop" });
  });
  it('colons inside quotes and in non-key words are plain text', () => {
    expect(parsed('contact list "value:10"')).toEqual({ name: 'contact-list', search: 'value:10' });
    expect(parsed('cycle add RENEW Q3: renewals at 10:30')).toMatchObject({ description: 'Q3: renewals at 10:30' });
  });
  it('the first word of a value may contain a colon', () => {
    expect(parsed('list contact:Acme:Europe')).toMatchObject({ filters: { contact: 'Acme:Europe' } });
  });
  it('Slack escapes in text are decoded; links become their label', () => {
    expect(parsed('cycle add RD R&amp;D &lt;new&gt; <https://acme.com|acme.com>')).toMatchObject({
      description: 'R&D <new> acme.com',
    });
  });
  it('setup prefix works for every setup group', () => {
    expect(parsed('setup stage list FIRM')).toEqual({ name: 'stage-list', cycle: 'FIRM' });
    expect(parsed('setup activity list')).toEqual({ name: 'activity-list' });
    expect(parsed('setup roles')).toEqual({ name: 'roles' });
  });
});

it('returns Decimals, not floats', () => {
  const command = parseOppCommand('update OP00001 value:0.1 chance:0.2', UTC);
  if (command.name !== 'update') throw new Error('wrong command');
  expect(command.changes.value?.plus(command.changes.chance ?? 0).toString()).toBe('0.3');
});
