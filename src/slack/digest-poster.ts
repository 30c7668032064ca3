// Posts a pipeline digest to a channel: the summary (paged into as few messages as Slack allows) and
// the chart as a PNG. It uses its own Web API client that reports rate limits instead of waiting, so
// a digest never holds up interactive requests; the scheduler retries after Slack's Retry-After.
import { type Logger, webApi } from '@slack/bolt';
import { renderPipelineChart } from '../digest/chart.ts';
import { chartInputFromDigest } from '../digest/chart-input.ts';
import { dateInZone } from '../domain/local-date.ts';
import { channelPresenter } from '../i18n/presenter.ts';
import { type DigestJob, type DigestPoster, RetryLaterError } from '../jobs/digest-scheduler.ts';
import type { Clock } from '../services/clock.ts';
import type { Services } from '../services/index.ts';
import { digestMessages } from './blocks/digest.ts';
import { BACKGROUND_RETRY_CONFIG } from './middleware/slack-client-options.ts';

export interface DigestPosterOptions {
  services: Services;
  clock: Clock;
  /** The Web API client for a workspace (single-workspace mode: one bot token; OAuth mode: the workspace's). */
  clientFor(workspaceId: string): Promise<webApi.WebClient>;
  /** Pause between the messages of one digest: Slack allows about one message per second per channel. */
  postIntervalMs?: number;
}

/**
 * A Web API client for background posting: rate limits come back as errors, with few retries. It logs
 * through the app's logger (which redacts secrets and tokens), never a console logger of its own.
 */
export function backgroundClient(token: string, slackApiUrl: string | undefined, logger: Logger): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    logger,
    rejectRateLimitedCalls: true,
    retryConfig: BACKGROUND_RETRY_CONFIG,
  });
}

export class SlackDigestPoster implements DigestPoster {
  constructor(private readonly options: DigestPosterOptions) {}

  async post(job: DigestJob, progress: (postedParts: number) => Promise<void>): Promise<void> {
    const { services, clock } = this.options;
    const client = await this.options.clientFor(job.workspaceId);
    const today = dateInZone(job.scheduledFor, job.timeZone);
    const changesSince = await services.subscriptions.lastDigestAt(job.workspaceId, job.channelId);
    // The next digest's "what changed" starts when this one read the pipeline, not when it was posted:
    // changes made while the parts were being posted would otherwise be in neither.
    const readAt = clock.now();
    const digest = await services.digests.build({
      workspaceId: job.workspaceId,
      salesCycleCode: job.salesCycleCode ?? undefined,
      salespersonSlackUserId: job.salespersonSlackUserId ?? undefined,
      today,
      changesSince,
    });
    // Written for everyone in the channel, in the channel's language.
    const p = channelPresenter({ workspaceId: job.workspaceId, channelId: job.channelId });
    const messages = digestMessages(p, digest);
    const title = p.t.digest.header(p.t.digest.defaultTitle, p.format.date(today));
    const parts = messages.length + 1; // the chart comes last
    let posted = job.postedParts;
    try {
      for (let part = posted; part < parts; part++) {
        if (part > job.postedParts) await pause(this.options.postIntervalMs ?? 1_100);
        const message = messages[part];
        if (message) {
          await client.chat.postMessage({
            channel: job.channelId,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
          });
        } else {
          const chart = renderPipelineChart(p, chartInputFromDigest(p, digest, title));
          await client.filesUploadV2({
            channel_id: job.channelId,
            file: chart.png,
            filename: `pipeline-${today}.png`,
            title,
          });
        }
        posted = part + 1;
        await progress(posted);
      }
    } catch (error) {
      if (error instanceof Error && (error as { code?: string }).code === webApi.ErrorCode.RateLimitedError) {
        throw new RetryLaterError(Number((error as { retryAfter?: number }).retryAfter ?? 30));
      }
      throw error;
    }
    await services.subscriptions.recordDigest(job.workspaceId, job.channelId, readAt);
  }
}

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
