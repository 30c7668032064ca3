// The answers people type in their own language where the grammar takes a fixed word: yes/no (blocked:,
// skip:, quote:, customer:, reps-see-own:) and won/lost (close, code add, status:). English words work in
// every language, as the command keywords do.
import type { InputLanguage } from './language.ts';

const ENGLISH_YES_NO: Readonly<Record<string, 'yes' | 'no'>> = {
  y: 'yes',
  n: 'no',
  true: 'yes',
  false: 'no',
  on: 'yes',
  off: 'no',
};

const YES_NO: Readonly<Record<InputLanguage, Readonly<Record<string, 'yes' | 'no'>>>> = {
  en: {},
  fr: { oui: 'yes', non: 'no', vrai: 'yes', faux: 'no' },
  it: { sì: 'yes', si: 'yes', no: 'no', vero: 'yes', falso: 'no' },
  nb: { ja: 'yes', nei: 'no', j: 'yes' },
  zh: { 是: 'yes', 否: 'no', 是的: 'yes', 对: 'yes', 不: 'no', 不是: 'no' },
};

const WON_LOST: Readonly<Record<InputLanguage, Readonly<Record<string, 'won' | 'lost'>>>> = {
  en: {},
  fr: { gagné: 'won', gagne: 'won', gagnée: 'won', gagnee: 'won', perdu: 'lost', perdue: 'lost' },
  it: { vinto: 'won', vinta: 'won', perso: 'lost', persa: 'lost' },
  nb: { vunnet: 'won', vant: 'won', tapt: 'lost' },
  // Dynamics 365's Chinese says 赢单 and 丢单; 输单 is as common.
  zh: { 赢单: 'won', 赢: 'won', 输单: 'lost', 丢单: 'lost', 输: 'lost' },
};

/** Words (lower-case) that mean yes or no in `language`, besides "yes" and "no" themselves. */
export function yesNoWords(language: InputLanguage): Readonly<Record<string, 'yes' | 'no'>> {
  return { ...ENGLISH_YES_NO, ...YES_NO[language] };
}

/** Words (lower-case) that mean won or lost in `language`, besides "won" and "lost" themselves. */
export function wonLostWords(language: InputLanguage): Readonly<Record<string, 'won' | 'lost'>> {
  return WON_LOST[language];
}
