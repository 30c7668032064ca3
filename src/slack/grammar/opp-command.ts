// The typed result of parsing `/opp` text: the contract the Slack handlers are written against.
import type { AlertKind, ValueFilter } from '../../domain/alerts.ts';
import type { Decimal } from '../../domain/decimal.ts';
import type { LocalDate } from '../../domain/local-date.ts';
import type { NotificationCategory, NotificationMode } from '../../domain/notifications.ts';
import type { HelpTopic } from './usage.ts';

/** `OP00001`: always upper-case. */
export type OpportunityNo = string;
/** A Slack user id (`U…` or `W…`) taken from a mention. */
export type SlackUserId = string;
/** A Slack channel id (`C…` or `G…`) taken from a channel mention. */
export type SlackChannelId = string;

export type ListScope = { kind: 'mine' } | { kind: 'all' } | { kind: 'user'; userId: SlackUserId };
export type ListStatus = 'open' | 'won' | 'lost' | 'all';

export interface ListFilters {
  /** Default `mine`. */
  scope: ListScope;
  contact?: string;
  /** Default `open`. */
  status: ListStatus;
  cycle?: string;
}

/** The optional keys of next / previous / skip / jump / update. Only keys the user typed are present. */
export interface StageChanges {
  value?: Decimal;
  /** 0–100. */
  chance?: Decimal;
  close?: LocalDate;
  /** Date of change (defaults to today in the handler). */
  date?: LocalDate;
}

export interface QuoteLine {
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  /** 0–100, 0 when not given. */
  discountPct: Decimal;
}

export interface ActivityStep {
  description: string;
  /** Business Central date formula, upper-case: `0D`, `1W`, `CM+1M`. */
  dateFormula: string;
}

export type ProbabilityCalculation = 'multiply' | 'add' | 'chances' | 'completed';
export type Priority = 'low' | 'normal' | 'high';
export type Outcome = 'won' | 'lost';
export type Frequency = 'daily' | 'weekly' | 'monthly';
export type WorkspaceRole = 'admin' | 'manager' | 'rep';
/** A language the bot speaks, or `auto`: follow the person's Slack locale (the workspace's, for a channel). */
export type LanguageChoice = 'en' | 'fr' | 'it' | 'nb' | 'zh' | 'auto';

export type OppCommand =
  | { name: 'help'; topic?: HelpTopic }
  // Setup
  | { name: 'cycle-add'; code: string; description: string; calc?: ProbabilityCalculation; blocked?: boolean }
  | { name: 'cycle-list' }
  /** At least one key (without any: `setup-edit-modal`). */
  | { name: 'cycle-edit'; code: string; description?: string; calc?: ProbabilityCalculation }
  | { name: 'cycle-block'; code: string; blocked: boolean }
  | { name: 'cycle-delete'; code: string }
  | {
      name: 'stage-add';
      cycle: string;
      stageNo: number;
      description: string;
      completedPct: Decimal;
      chancePct: Decimal;
      allowSkip?: boolean;
      quoteRequired?: boolean;
      dateFormula?: string;
      activityCode?: string;
    }
  | { name: 'stage-list'; cycle: string }
  /** At least one key; `dateFormula` "" and `activityCode` null clear them (`none`). */
  | {
      name: 'stage-edit';
      cycle: string;
      stageNo: number;
      description?: string;
      completedPct?: Decimal;
      chancePct?: Decimal;
      allowSkip?: boolean;
      quoteRequired?: boolean;
      dateFormula?: string;
      activityCode?: string | null;
    }
  | { name: 'stage-delete'; cycle: string; stageNo: number }
  | { name: 'code-add'; code: string; outcome: Outcome; description: string }
  | { name: 'code-list' }
  | { name: 'code-edit'; code: string; description: string }
  | { name: 'code-delete'; code: string }
  | {
      name: 'contact-add';
      contactName: string;
      type: 'company' | 'person';
      /** Company name or contact no., persons only. */
      company?: string;
      customer?: boolean;
      email?: string;
    }
  | { name: 'contact-list'; search?: string }
  /** At least one key. `company` null: the person leaves their company (`company:none`). */
  | { name: 'contact-edit'; contact: string; contactName?: string; company?: string | null; customer?: boolean }
  /** `contact` is a company contact's name or number. */
  | { name: 'customer-add'; contact: string }
  | { name: 'activity-add'; code: string; description: string; steps: ActivityStep[] }
  | { name: 'activity-list' }
  | { name: 'role'; userId: SlackUserId; role: WorkspaceRole }
  | { name: 'roles' }
  | { name: 'workspace-delete' }
  /** Without a key: show the workspace's settings. `repsSeeOwn`: reps read only their own opportunities. */
  | {
      name: 'setting';
      repsSeeOwn?: boolean;
      /** Reps and managers may add contacts (default yes); no: admins only. */
      repsAddContacts?: boolean;
      currency?: string;
      /** null: no default cycle (`default-cycle:none`). */
      defaultCycle?: string | null;
      staleDays?: number;
      /** `auto`: channel posts in English unless a channel chose its language. */
      language?: LanguageChoice;
    }
  /** Without a choice: show the languages in force. With a channel: that channel's posts. */
  | { name: 'language'; channelId?: SlackChannelId; choice?: LanguageChoice }
  // Opportunities
  | { name: 'new-modal' }
  /** `cycle add`, `stage add [CYCLE]`, `code add`, `contact add` with nothing else: open the setup modal. */
  | { name: 'setup-modal'; what: 'cycle' | 'stage' | 'code' | 'contact'; cycle?: string }
  /** `cycle edit`, `stage edit`, `code edit`, `contact edit` without a key: the form, pre-filled. */
  | { name: 'setup-edit-modal'; target: SetupEditTarget }
  | {
      name: 'new';
      description: string;
      contact: string;
      value: Decimal;
      chancePct: Decimal;
      closeDate: LocalDate;
      cycle?: string;
      ownerId?: SlackUserId;
      priority?: Priority;
    }
  | { name: 'list'; filters: ListFilters }
  | { name: 'show'; no: OpportunityNo }
  /** `show <name>`: the opportunity a name stands for (or the candidates when it names several). */
  | { name: 'show-named'; text: string }
  /** `list <name>`: as `show <name>`, and when nothing matches, a pointer to `find`. */
  | { name: 'list-named'; text: string }
  /** `edit <no>` alone: opens the Edit form. */
  | { name: 'edit-modal'; no: OpportunityNo }
  /** At least one key is present. */
  | {
      name: 'edit';
      no: OpportunityNo;
      description?: string;
      contact?: string;
      ownerId?: SlackUserId;
      priority?: Priority;
    }
  /** `note <no>` alone: opens the Add note form. */
  | { name: 'note-modal'; no: OpportunityNo }
  | { name: 'note'; no: OpportunityNo; text: string }
  | { name: 'find'; text: string }
  | { name: 'next'; no: OpportunityNo; changes: StageChanges }
  | { name: 'previous'; no: OpportunityNo; changes: StageChanges }
  | { name: 'skip'; no: OpportunityNo; toStage: number; changes: StageChanges }
  | { name: 'jump'; no: OpportunityNo; toStage: number; changes: StageChanges }
  /** At least one of value / chance / close is present. */
  | { name: 'update'; no: OpportunityNo; changes: StageChanges }
  | { name: 'move'; no: OpportunityNo }
  | { name: 'close-modal'; no: OpportunityNo }
  | { name: 'close'; no: OpportunityNo; outcome: Outcome; closeCode: string; date?: LocalDate; amount?: Decimal }
  | { name: 'quote-modal'; no: OpportunityNo }
  /** 1–100 lines. */
  | { name: 'quote'; no: OpportunityNo; lines: QuoteLine[] }
  | { name: 'order'; no: OpportunityNo; closeCode?: string }
  /** Open tasks: the person's own, or (managers and admins) another person's. */
  | { name: 'tasks'; ownerId?: SlackUserId }
  | { name: 'delete'; no: OpportunityNo }
  | {
      name: 'purge';
      /** Absent: both won and lost. */
      status?: Outcome;
      closedBefore?: LocalDate;
      closedAfter?: LocalDate;
      ownerId?: SlackUserId;
      contact?: string;
      cycle?: string;
    }
  // Pipeline
  | { name: 'digest'; cycle?: string; ownerId?: SlackUserId }
  | { name: 'stats'; target: { kind: 'opportunity'; no: OpportunityNo } | { kind: 'cycle'; cycle: string } }
  /** scopeGiven: mine, all or @user was typed (otherwise the role decides). */
  | { name: 'export'; filters: ListFilters; scopeGiven: boolean }
  | {
      name: 'subscribe';
      channelId: SlackChannelId;
      frequency: Frequency;
      /** `HH:MM`, 24-hour. */
      at?: string;
      /** ISO weekday 1 = Monday … 7 = Sunday; weekly only. */
      weekday?: number;
      /** Canonical IANA zone name. */
      timeZone?: string;
      cycle?: string;
    }
  | { name: 'unsubscribe'; channelId: SlackChannelId }
  | { name: 'subscriptions' }
  // Personal notifications (each member's own)
  /** Without a key: show the settings. `quiet` null: no quiet hours. */
  | {
      name: 'notify';
      modes: Partial<Record<NotificationCategory, NotificationMode>>;
      summaryAt?: string;
      quiet?: { start: string; end: string } | null;
    }
  | { name: 'notify-mute'; no: OpportunityNo; muted: boolean }
  /** A channel alert. No channel: the one typed in; no kinds: the default ones (the use case decides). */
  | {
      name: 'alert';
      channelId?: SlackChannelId;
      kinds: AlertKind[];
      value?: ValueFilter;
      cycle?: string;
      ownerId?: SlackUserId;
    }
  | { name: 'alert-remove'; id: number }
  | { name: 'alerts' };

export type SetupEditTarget =
  | { what: 'cycle'; code: string }
  | { what: 'stage'; cycleCode: string; stageNo: number }
  | { what: 'code'; code: string }
  | { what: 'contact'; contact: string };

export type OppCommandName = OppCommand['name'];
