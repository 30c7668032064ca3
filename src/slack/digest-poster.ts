// Posts a pipeline digest to a channel: the summary (paged into as few messages as Slack allows) and
// the chart as a PNG. It uses its own Web API client that reports rate limits instead of waiting, so
// a digest never holds up interactive requests; the scheduler retries after Slack's Retry-After.
import { type Logger, webApi } from '@slack/bolt';
import { renderPipelineChart } from '../digest/chart.ts';
import { chartInputFromDigest } from '../digest/chart-input.ts';
import { DEFAULT_LOCALE } from '../i18n/locale.ts';
import { channelPresenter } from '../i18n/presenter.ts';
import { slackFetch } from './http-fetch.ts';
import { type DigestJob, type DigestPoster, RetryLaterError } from '../jobs/digest-scheduler.ts';
import type { Clock } from '../services/clock.ts';
import { type ChannelDigestUseCases, scheduledContext } from '../usecases/channel-digests.ts';
import { digestMessages } from './blocks/digest.ts';
import { BACKGROUND_CALL_TIMEOUT_MS, BACKGROUND_RETRY_CONFIG } from './middleware/slack-client-options.ts';

export interface DigestPosterOptions {
  /** What a digest says, built by its use case (src/usecases/channel-digests.ts). */
  digests: ChannelDigestUseCases;
  clock: Clock;
  /** The Web API client for a workspace (single-workspace mode: one bot token; OAuth mode: the workspace's). */
  clientFor(workspaceId: string): Promise<webApi.WebClient>;
  /** Pause between the messages of one digest: Slack allows about one message per second per channel. */
  postIntervalMs?: number;
}

/**
 * A Web API client for background posting: rate limits come back as errors, with few retries, and each
 * call is bounded in time (a call Slack never answered held the outbox's pass of this instance, and
 * with it every later delivery, and outlasted the deliveries' lease). It logs through the app's logger
 * (which redacts secrets and tokens), never a console logger of its own.
 */
export function backgroundClient(
  token: string,
  slackApiUrl: string | undefined,
  logger: Logger,
  timeoutMs = BACKGROUND_CALL_TIMEOUT_MS,
): webApi.WebClient {
  return new webApi.WebClient(token, {
    fetch: slackFetch,
    ...(slackApiUrl ? { slackApiUrl } : {}),
    logger,
    rejectRateLimitedCalls: true,
    retryConfig: BACKGROUND_RETRY_CONFIG,
    timeout: timeoutMs,
  });
}

export class SlackDigestPoster implements DigestPoster {
  constructor(private readonly options: DigestPosterOptions) {}

  async post(job: DigestJob, progress: (postedParts: number) => Promise<void>): Promise<void> {
    const { digests, clock } = this.options;
    const client = await this.options.clientFor(job.workspaceId);
    // Written for everyone in the channel, in the channel's language.
    // The scheduler's request context comes from the run: its workspace, channel, time zone and day.
    const now = clock.now();
    const p = channelPresenter(await digests.language(scheduledContext(job, now, DEFAULT_LOCALE)));
    const ctx = scheduledContext(job, now, p.locale);
    const { today } = ctx;
    const { digest, readAt } = await digests.build(ctx, job);
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
          const chart = await renderPipelineChart(p, chartInputFromDigest(p, digest, title));
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
    await digests.posted(ctx, readAt);
  }
}

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
