// The confirmation of /opp workspace delete: what would go, a danger button carrying the one-time
// token, and Cancel (which carries it too, so cancelling discards the confirmation).
import type { Presenter } from '../../i18n/presenter.ts';
import { ACTION_IDS, BLOCK_IDS } from '../ids.ts';
import { actions, button, context, fallback, section, type Message } from './kit.ts';

export function workspaceDeleteConfirmation(
  p: Presenter,
  preview: { opportunities: number; contacts: number },
  opts: { token: string },
): Message {
  const { ui } = p.t;
  return {
    text: fallback(ui.workspaceDelete.fallback),
    blocks: [
      section(ui.workspaceDelete.text(preview.opportunities, preview.contacts), {
        blockId: BLOCK_IDS.workspaceDelete.text,
      }),
      context([ui.workspaceDelete.warning]),
      actions(BLOCK_IDS.workspaceDelete.actions, [
        button({
          text: ui.buttons.workspaceDeleteConfirm,
          actionId: ACTION_IDS.workspaceDeleteConfirm,
          value: opts.token,
          style: 'danger',
        }),
        button({
          text: ui.buttons.workspaceDeleteCancel,
          actionId: ACTION_IDS.workspaceDeleteCancel,
          value: opts.token,
        }),
      ]),
    ],
  };
}
