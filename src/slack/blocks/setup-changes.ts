// The replies to setup edits: what changed, from what to what, in the reader's language and notation.
import type { CloseCode } from '../../domain/close-code.ts';
import type { SalesCycle, Stage } from '../../domain/sales-cycle.ts';
import { escapeText, joinMarkup, type Markup } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import type { ContactDetails } from '../../services/setup.ts';
import { type Reply, successMessage } from './replies.ts';

type Field = keyof Presenter['t']['notices']['setupField'];

/** One "field before → after" per value that differs, as the reader writes them. */
class Changes {
  readonly parts: Markup[] = [];

  constructor(private readonly p: Presenter) {}

  add(field: Field, before: Markup, after: Markup): this {
    if (before !== after)
      this.parts.push(this.p.t.notices.setupChange(this.p.t.notices.setupField[field], before, after));
    return this;
  }

  text(value: string): Markup {
    return value.trim() === '' ? this.p.t.notices.setupNone : this.p.t.notices.quoted(escapeText(value));
  }

  flag(value: boolean): Markup {
    return value ? this.p.t.ui.common.yes : this.p.t.ui.common.no;
  }

  joined(): Markup {
    return joinMarkup(this.parts, '; ');
  }
}

export function salesCycleEdited(p: Presenter, change: { before: SalesCycle; after: SalesCycle }): Reply {
  const { before, after } = change;
  const c = new Changes(p);
  c.add('description', c.text(before.description), c.text(after.description)).add(
    'calculation',
    p.t.ui.probabilityCalculation[before.probabilityCalculation],
    p.t.ui.probabilityCalculation[after.probabilityCalculation],
  );
  if (c.parts.length === 0) return successMessage(p, p.t.notices.setupUnchanged);
  return successMessage(
    p,
    p.t.notices.cycleEdited(
      escapeText(after.code),
      c.joined(),
      before.probabilityCalculation !== after.probabilityCalculation,
    ),
  );
}

export function stageEdited(p: Presenter, change: { cycleCode: string; before: Stage; after: Stage }): Reply {
  const { before, after } = change;
  const f = p.format;
  const none = p.t.notices.setupNone;
  const c = new Changes(p);
  c.add('description', c.text(before.description), c.text(after.description))
    .add('completed', f.percent(before.completedPct), f.percent(after.completedPct))
    .add('chances', f.percent(before.chancesPct), f.percent(after.chancesPct))
    .add('quoteRequired', c.flag(before.quoteRequired), c.flag(after.quoteRequired))
    .add('allowSkip', c.flag(before.allowSkip), c.flag(after.allowSkip))
    .add(
      'dateFormula',
      before.dateFormula === '' ? none : escapeText(before.dateFormula),
      after.dateFormula === '' ? none : escapeText(after.dateFormula),
    )
    .add(
      'activity',
      before.activityCode === null ? none : escapeText(before.activityCode),
      after.activityCode === null ? none : escapeText(after.activityCode),
    );
  if (c.parts.length === 0) return successMessage(p, p.t.notices.setupUnchanged);
  return successMessage(p, p.t.notices.stageEdited(escapeText(change.cycleCode), after.stage, c.joined()));
}

export function closeCodeEdited(p: Presenter, change: { before: CloseCode; after: CloseCode }): Reply {
  const c = new Changes(p);
  c.add('description', c.text(change.before.description), c.text(change.after.description));
  if (c.parts.length === 0) return successMessage(p, p.t.notices.setupUnchanged);
  return successMessage(p, p.t.notices.codeEdited(escapeText(change.after.code), c.joined()));
}

export function contactEdited(
  p: Presenter,
  change: { before: ContactDetails; after: ContactDetails; handedOver: number },
): Reply {
  const { before, after } = change;
  const none = p.t.notices.setupNone;
  const company = (d: ContactDetails) => (d.companyName === null ? none : escapeText(d.companyName));
  const c = new Changes(p);
  c.add('name', c.text(before.name), c.text(after.name))
    .add('company', company(before), company(after))
    .add(
      'customer',
      before.customerNo === null ? none : escapeText(before.customerNo),
      after.customerNo === null ? none : escapeText(after.customerNo),
    );
  if (c.parts.length === 0) return successMessage(p, p.t.notices.setupUnchanged);
  return successMessage(
    p,
    p.t.notices.contactEdited(
      escapeText(after.name),
      escapeText(after.no),
      c.joined(),
      change.handedOver,
      before.companyName === null ? null : escapeText(before.companyName),
    ),
  );
}
