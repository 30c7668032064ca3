// Small reply messages: an error, a success and a notice, each one sentence from the catalogues
// (already mrkdwn), as an ephemeral response.
import type { Markup } from '../../i18n/markup.ts';
import type { Presenter } from '../../i18n/presenter.ts';
import { BLOCK_IDS } from '../ids.ts';
import { fallback, section, type Message } from './kit.ts';

export interface Reply extends Message {
  response_type: 'ephemeral';
}

function reply(text: Markup): Reply {
  return {
    response_type: 'ephemeral',
    text: fallback(text),
    blocks: [section(text, { blockId: BLOCK_IDS.reply.message })],
  };
}

/** ":warning: <sentence>" */
export function errorMessage(p: Presenter, sentence: Markup): Reply {
  return reply(p.t.ui.replies.error(sentence));
}

/** ":white_check_mark: <sentence>" */
export function successMessage(p: Presenter, sentence: Markup): Reply {
  return reply(p.t.ui.replies.success(sentence));
}

/** ":information_source: <sentence>" */
export function noticeMessage(p: Presenter, sentence: Markup): Reply {
  return reply(p.t.ui.replies.notice(sentence));
}
