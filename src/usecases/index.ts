// The application layer: one use case per operation, `(context, input) → outcome`. Every surface (the
// Slack listeners, the scheduler, tests) calls these, so who may do what is decided here, once, by the
// domain's rules; the adapters only read their payloads and render the outcomes.
import type { Services } from '../services/index.ts';
import { AlertUseCases } from './alerts.ts';
import { ChannelDigestUseCases } from './channel-digests.ts';
import { Guard } from './guard.ts';
import { NotificationUseCases } from './notifications.ts';
import { OpportunityUseCases } from './opportunities.ts';
import { type DigestPosting, PipelineUseCases } from './pipeline.ts';
import { SetupUseCases } from './setup.ts';
import { TaskUseCases } from './tasks.ts';
import { WorkspaceUseCases } from './workspace.ts';

export type { RequestContext, Surface } from './context.ts';

export interface UseCases {
  opportunities: OpportunityUseCases;
  setup: SetupUseCases;
  workspace: WorkspaceUseCases;
  pipeline: PipelineUseCases;
  /** Tasks: their owners' lists, completing and postponing. */
  tasks: TaskUseCases;
  /** A person's own notification settings and muted opportunities. */
  notifications: NotificationUseCases;
  /** What the scheduler posts to a channel (its context comes from the digest run). */
  channelDigests: ChannelDigestUseCases;
  /** Channel alerts: which channels hear about which changes. */
  alerts: AlertUseCases;
}

export function createUseCases(
  services: Services,
  ports: { digests: DigestPosting; channelDigests?: ChannelDigestUseCases },
  options: { exportPageSize?: number } = {},
): UseCases {
  const guard = new Guard(services);
  return {
    opportunities: new OpportunityUseCases(services, guard),
    setup: new SetupUseCases(services.setup, guard),
    workspace: new WorkspaceUseCases(services, guard),
    pipeline: new PipelineUseCases(services, guard, ports.digests, options.exportPageSize),
    tasks: new TaskUseCases(services, guard),
    notifications: new NotificationUseCases(services),
    channelDigests: ports.channelDigests ?? new ChannelDigestUseCases(services),
    alerts: new AlertUseCases(services, guard),
  };
}
