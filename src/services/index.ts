// The services the Slack layer and the scheduler drive; built once in src/app.ts.
import { Outbox } from './outbox.ts';
import { AlertService } from './alerts.ts';
import type { SqlDatabase } from '../store/kysely.ts';
import { type Clock, systemClock } from './clock.ts';
import { DigestRuns } from './digest-runs.ts';
import { DigestService } from './digests.ts';
import { InteractionContexts } from './interaction-contexts.ts';
import { LanguageService } from './languages.ts';
import { MemberService } from './members.ts';
import { NotificationService } from './notifications.ts';
import { OpportunityQueries } from './opportunity-queries.ts';
import { OpportunityService } from './opportunities.ts';
import { ProcessedEvents } from './processed-events.ts';
import { ProcessedTriggers } from './processed-triggers.ts';
import { SetupService } from './setup.ts';
import { StatisticsService } from './statistics.ts';
import { SubscriptionService } from './subscriptions.ts';
import { TaskService } from './tasks.ts';
import { QuoteQueries } from './quotes.ts';
import { WorkspaceAdminService } from './workspace-admin.ts';

export interface Services {
  setup: SetupService;
  opportunities: OpportunityService;
  queries: OpportunityQueries;
  statistics: StatisticsService;
  digests: DigestService;
  /** The digest runs the scheduler records, leases and settles. */
  digestRuns: DigestRuns;
  subscriptions: SubscriptionService;
  /** Roles and the workspace's reading rule. */
  members: MemberService;
  /** The languages members and channels chose. */
  languages: LanguageService;
  /** Deleting a workspace's data. */
  workspaceAdmin: WorkspaceAdminService;
  /** Events API deliveries already handled (de-duplication of Slack's retries). */
  events: ProcessedEvents;
  /** Commands, clicks and submissions already handled, by trigger_id (exact replays change nothing). */
  triggers: ProcessedTriggers;
  /** Server-side contexts of forms and confirmations, shared by every instance. */
  contexts: InteractionContexts;
  /** The sales quote linked to an opportunity, with its lines. */
  quotes: QuoteQueries;
  /** Tasks of stage activities: their owners' lists, completing, postponing, due-date reminders. */
  tasks: TaskService;
  /** Events of changes, delivered to their consumers (the channel announcements) once. */
  outbox: Outbox;
  /** Personal notifications: preferences, mutes, what each person was sent or has held. */
  notifications: NotificationService;
  /** Channel alerts and the messages they fold events into. */
  alerts: AlertService;
  /** True when the database answers (a real round trip: `/healthz` reports it). */
  ping(): Promise<boolean>;
}

/** The database as the services use it: kysely (src/store/kysely.ts), with types generated from schema.prisma. */
export interface ServiceDatabase {
  sql: SqlDatabase;
  /** Where the digests read (src/store/database.ts); absent: `sql`. */
  reports?: SqlDatabase | undefined;
  /** One query to the database: true when it answers, false (never a throw) when it does not. */
  ping(): Promise<boolean>;
}

export function createServices(database: ServiceDatabase, clock: Clock = systemClock): Services {
  const { sql: db } = database;
  const outbox = new Outbox(db);
  return {
    setup: new SetupService(db, clock),
    opportunities: new OpportunityService(db, clock, outbox),
    queries: new OpportunityQueries(db),
    statistics: new StatisticsService(db),
    digests: new DigestService(database.reports ?? db),
    digestRuns: new DigestRuns(db),
    subscriptions: new SubscriptionService(db),
    members: new MemberService(db, clock),
    languages: new LanguageService(db, clock),
    workspaceAdmin: new WorkspaceAdminService(db),
    events: new ProcessedEvents(db),
    triggers: new ProcessedTriggers(db),
    contexts: new InteractionContexts(db, clock),
    tasks: new TaskService(db, clock, outbox),
    quotes: new QuoteQueries(db),
    outbox,
    notifications: new NotificationService(db, clock, outbox),
    alerts: new AlertService(db),
    ping: () => database.ping(),
  };
}
