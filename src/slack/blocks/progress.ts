// The small views a slow modal submission goes through: pushed over the form while the change is being
// saved, then replaced by the outcome. "Back" on a refusal returns to the form with what was typed.
import type { Markup } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { CALLBACK_IDS } from '../ids.ts';
import { type ModalView, modal, section } from './kit.ts';

export function savingView(p: Presenter, externalId: string): ModalView {
  const { system } = p.t;
  return {
    ...modal({
      callbackId: CALLBACK_IDS.unavailable,
      title: system.savingTitle,
      close: system.back,
      blocks: [section(system.savingText)],
    }),
    external_id: externalId,
  };
}

/** Saved: closing it closes the whole stack, so the form can't be submitted twice. */
export function savedView(p: Presenter, sentence: Markup): ModalView {
  const { system } = p.t;
  return {
    ...modal({
      callbackId: CALLBACK_IDS.unavailable,
      title: system.savedTitle,
      close: system.done,
      blocks: [section(sentence)],
    }),
    clear_on_close: true,
  };
}

/** `correctable`: the form as typed can be corrected and sent again (Back leads to it); not for a replay. */
export function notSavedView(p: Presenter, sentence: Markup, { correctable = true } = {}): ModalView {
  const { system } = p.t;
  return modal({
    callbackId: CALLBACK_IDS.unavailable,
    title: system.notSavedTitle,
    close: system.back,
    blocks: correctable ? [section(sentence), section(system.notSavedHint)] : [section(sentence)],
  });
}
