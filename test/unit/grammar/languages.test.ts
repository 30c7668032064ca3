// The grammar reads the values a person types in their language — dates, amounts, percentages, yes/no and
// won/lost — while the keywords stay English. Wednesday 2 December 2026, 10:00 in each person's zone.
import { describe, expect, it } from 'vitest';
import type { DateContext } from '../../../src/domain/human-date.ts';
import { parsed, problemOf } from './helpers.ts';

const FR: DateContext = {
  now: new Date('2026-12-02T15:00:00Z'),
  timeZone: 'America/Toronto',
  dateOrder: 'DMY',
  language: 'fr',
};
const IT: DateContext = {
  now: new Date('2026-12-02T09:00:00Z'),
  timeZone: 'Europe/Rome',
  dateOrder: 'DMY',
  language: 'it',
};
const NB: DateContext = {
  now: new Date('2026-12-02T09:00:00Z'),
  timeZone: 'Europe/Oslo',
  dateOrder: 'DMY',
  language: 'nb',
};
const ZH: DateContext = {
  now: new Date('2026-12-02T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  dateOrder: 'YMD',
  language: 'zh',
};
const EN: DateContext = { now: new Date('2026-12-02T15:00:00Z'), timeZone: 'America/Chicago', dateOrder: 'MDY' };

describe('values typed in French', () => {
  it('update with a French date, amount and percentage', () => {
    expect(parsed('update OP00001 close:"fin du mois" value:"12 000,50" chance:"40 %"', FR)).toEqual({
      name: 'update',
      no: 'OP00001',
      changes: { value: '12000.5', chance: '40', close: '2026-12-31' },
    });
  });

  it('"12,500" is twelve and a half in French, twelve thousand five hundred in English', () => {
    expect(parsed('update OP00001 value:12,500', FR)).toMatchObject({ changes: { value: '12.5' } });
    expect(parsed('update OP00001 value:12,500', EN)).toMatchObject({ changes: { value: '12500' } });
  });

  it('close as gagné or perdu, with a French past date; English words still work', () => {
    expect(parsed('close OP00001 gagné code:PRICE date:hier', FR)).toMatchObject({
      name: 'close',
      outcome: 'won',
      date: '2026-12-01',
    });
    expect(parsed('close OP00001 perdu code:PRICE date:vendredi', FR)).toMatchObject({
      outcome: 'lost',
      date: '2026-11-27',
    });
    expect(parsed('close OP00001 won code:PRICE', FR)).toMatchObject({ outcome: 'won' });
  });

  it('yes/no as oui/non', () => {
    expect(parsed('cycle add FIRM Ferme blocked:oui', FR)).toMatchObject({ blocked: true });
    expect(parsed('cycle add FIRM Ferme blocked:non', FR)).toMatchObject({ blocked: false });
    expect(parsed('cycle add FIRM Ferme blocked:yes', FR)).toMatchObject({ blocked: true });
  });

  it('quote lines in French notation', () => {
    expect(parsed('quote OP00001 line:"Licences;2;1 250,50;10 %"', FR)).toEqual({
      name: 'quote',
      no: 'OP00001',
      lines: [{ description: 'Licences', quantity: '2', unitPrice: '1250.5', discountPct: '10' }],
    });
  });
});

describe('values typed in Italian, Norwegian and Chinese', () => {
  it('Italian: dates, dot thousands, vinto/perso, sì/no', () => {
    expect(parsed('next OP00001 close:"entro fine mese" value:12.000,50', IT)).toMatchObject({
      changes: { close: '2026-12-31', value: '12000.5' },
    });
    expect(parsed('update OP00001 value:15.000', IT)).toMatchObject({ changes: { value: '15000' } });
    expect(parsed('code add PRICE perso Prezzo troppo alto', IT)).toMatchObject({ outcome: 'lost' });
    expect(parsed('list status:vinto', IT)).toMatchObject({ filters: { status: 'won' } });
    expect(parsed('contact add "Mario Rossi" person customer:sì', IT)).toMatchObject({ customer: true });
  });

  it('Norwegian: dates, space thousands, vunnet/tapt, ja/nei', () => {
    expect(parsed('update OP00001 close:"slutten av måneden" value:"12 000,50"', NB)).toMatchObject({
      changes: { close: '2026-12-31', value: '12000.5' },
    });
    expect(parsed('update OP00001 close:"neste fredag"', NB)).toMatchObject({ changes: { close: '2026-12-11' } });
    expect(parsed('close OP00001 tapt code:PRICE date:"i går"', NB)).toMatchObject({
      outcome: 'lost',
      date: '2026-12-01',
    });
    expect(parsed('setting reps-see-own:nei', NB)).toMatchObject({ repsSeeOwn: false });
  });

  it('Chinese: dates, 万, 赢单/输单, 是/否', () => {
    expect(parsed('new 续约 contact:Acme value:12万 chance:40% close:月底', ZH)).toMatchObject({
      name: 'new',
      value: '120000',
      chancePct: '40',
      closeDate: '2026-12-31',
    });
    expect(parsed('update OP00001 close:3周后', ZH)).toMatchObject({ changes: { close: '2026-12-23' } });
    expect(parsed('close OP00001 赢单 code:PRICE date:昨天', ZH)).toMatchObject({ outcome: 'won', date: '2026-12-01' });
    expect(parsed('purge status:输单', ZH)).toMatchObject({ status: 'lost' });
    expect(parsed('stage add FIRM 20 资格审查 completed:20 chance:30 quote:否', ZH)).toMatchObject({
      quoteRequired: false,
    });
  });
});

describe('words of another language are not taken', () => {
  it.each([
    ['close OP00001 gagné code:PRICE', EN, 'bad-choice'],
    ['cycle add FIRM Firm blocked:oui', EN, 'bad-choice'],
    ['cycle add FIRM Firm blocked:ja', FR, 'bad-choice'],
    ['update OP00001 close:"fin du mois"', EN, 'bad-date'],
    ['update OP00001 close:"slutten av måneden"', FR, 'bad-date'],
    ['update OP00001 value:12万', FR, 'bad-number'],
    ['update OP00001 value:1,234', FR, 'too-many-decimals'],
    ['update OP00001 value:12.000', FR, 'ambiguous-number'],
  ] as const)('%s', (text, ctx, kind) => {
    expect(problemOf(text, ctx).kind).toBe(kind);
  });
});
