// What the pipeline chart draws for a digest: the open pipeline of the cycles shown, stage by stage in
// pipeline order (estimated against weighted), and the value won and lost week by week.
import type { Digest } from '../services/digest-types.ts';
import type { Presenter } from '../i18n/presenter.ts';
import type { PipelineChartInput } from './chart.ts';

/**
 * Stage labels read "2 · Qualification", prefixed with the cycle code ("FIRM 2 · Qualification") when
 * several cycles are shown. Weeks are labelled with their first day ("Nov 30"), and the subtitle's won
 * and lost are the digest's period, as in its message.
 */
export function chartInputFromDigest(p: Presenter, digest: Digest, title: string): PipelineChartInput {
  const digestPlainText = p.t.digestPlain;
  const several = digest.cycles.length > 1;
  return {
    title,
    currency: digest.currency,
    stages: digest.cycles.flatMap((cycle) =>
      cycle.stages.map((s) => {
        const stage = digestPlainText.stage(s.stage, s.description.trim());
        return {
          label: several ? digestPlainText.chart.stageLabel(cycle.code, stage) : stage,
          estimated: s.estimatedValue,
          weighted: s.weightedValue,
        };
      }),
    ),
    weeks: digest.weeks.map((w) => ({
      label: digestPlainText.chart.weekLabel(p.format.shortDate(w.weekStart)),
      won: w.won,
      lost: w.lost,
    })),
    closed: {
      from: p.format.shortDate(digest.closed.from),
      to: p.format.shortDate(digest.closed.to),
      won: digest.closed.won.amount,
      lost: digest.closed.lost.amount,
    },
  };
}
