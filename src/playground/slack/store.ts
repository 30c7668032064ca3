// What the playground's Slack holds: messages per channel (ephemeral ones for one person), modal stacks
// and Home tabs per person, uploaded files, and the short-lived trigger ids and response URLs Slack
// hands out. Kept in memory: like Slack's own client, the page shows it; the app's data is in its database.
import { randomBytes } from 'node:crypto';
import type { Json, StateValues } from '../render/blocks.ts';

export interface StoredFile {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly mimetype: string;
  readonly bytes: Buffer;
}

export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  /** 'bot' for the app, else the user id of a person. */
  readonly author: string;
  text: string;
  blocks: Json[];
  files: StoredFile[];
  /** An ephemeral message: only this person sees it, until the page is reloaded (as in Slack). */
  readonly visibleTo: string | undefined;
  edited: boolean;
  /** Bumped on every change, so the page redraws exactly the messages that changed. */
  revision: number;
}

export interface StoredView {
  readonly id: string;
  readonly userId: string;
  readonly type: 'modal' | 'home';
  /** The view as the app sent it (title, blocks, submit, close, callback_id, private_metadata, …). */
  view: Json;
  hash: string;
  /** What the person has entered so far (Slack's view.state.values). */
  state: StateValues;
  /** view_submission errors by block_id, shown under their fields until the next change. */
  errors: Record<string, string>;
  readonly rootViewId: string;
  readonly previousViewId: string | undefined;
  revision: number;
}

export interface ResponseTarget {
  readonly userId: string;
  readonly channelId: string;
  /** The message a button was clicked on (replace_original and delete_original act on it). */
  readonly sourceTs: string | undefined;
  readonly expiresAt: number;
  uses: number;
}

/** Slack: a trigger id is good once and for a few seconds; the playground allows more time on a busy machine. */
const TRIGGER_LIFETIME_MS = 10_000;
/** Slack: a response_url takes 5 messages within 30 minutes. */
export const RESPONSE_URL_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

export class SlackStore {
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly views = new Map<string, StoredView>();
  private readonly modalStacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();
  private readonly triggers = new Map<string, { userId: string; expiresAt: number }>();
  private readonly responseTargets = new Map<string, ResponseTarget>();
  readonly files = new Map<string, StoredFile>();
  readonly pendingUploads = new Map<string, { name: string; length: number; bytes?: Buffer }>();
  private readonly listeners = new Set<() => void>();
  private lastTs = 0;
  private sequence = 0;
  private revision = 0;

  /** A number that grows with every change. */
  get version(): number {
    return this.revision;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): number {
    this.revision += 1;
    for (const listener of this.listeners) listener();
    return this.revision;
  }

  /** Slack's message timestamps: seconds with six decimals, strictly increasing. */
  nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}0${randomBytes(3).toString('hex').toUpperCase()}${String(this.sequence).padStart(4, '0')}`;
  }

  // ---- messages

  channelMessages(channelId: string, viewer: string): StoredMessage[] {
    return (this.messages.get(channelId) ?? []).filter((m) => m.visibleTo === undefined || m.visibleTo === viewer);
  }

  message(channelId: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channelId)?.find((m) => m.ts === ts);
  }

  addMessage(input: Omit<StoredMessage, 'ts' | 'revision' | 'edited'>): StoredMessage {
    const message: StoredMessage = { ...input, ts: this.nextTs(), edited: false, revision: this.revision + 1 };
    const list = this.messages.get(input.channel) ?? [];
    list.push(message);
    this.messages.set(input.channel, list);
    this.changed();
    return message;
  }

  updateMessage(message: StoredMessage, content: { text: string; blocks: Json[] }): void {
    message.text = content.text;
    message.blocks = content.blocks;
    message.edited = message.visibleTo === undefined;
    message.revision = this.revision + 1;
    this.changed();
  }

  deleteMessage(channelId: string, ts: string): boolean {
    const list = this.messages.get(channelId);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    this.changed();
    return true;
  }

  // ---- views

  view(viewId: string): StoredView | undefined {
    return this.views.get(viewId);
  }

  viewByExternalId(externalId: string): StoredView | undefined {
    for (const view of this.views.values()) if (view.view.external_id === externalId) return view;
    return undefined;
  }

  /** The modals open for a person, the one on top last. */
  modalStack(userId: string): StoredView[] {
    return (this.modalStacks.get(userId) ?? []).map((id) => this.views.get(id)).filter((v): v is StoredView => !!v);
  }

  home(userId: string): StoredView | undefined {
    const id = this.homes.get(userId);
    return id === undefined ? undefined : this.views.get(id);
  }

  /** Opens a new modal stack for the person (one open already is closed, as Slack does). */
  openModal(userId: string, view: Json): StoredView {
    for (const id of this.modalStacks.get(userId) ?? []) this.views.delete(id);
    const stored = this.newView(userId, 'modal', view, undefined, undefined);
    this.modalStacks.set(userId, [stored.id]);
    this.changed();
    return stored;
  }

  pushModal(userId: string, view: Json): StoredView | 'push_limit_reached' | 'no_modal' {
    const stack = this.modalStacks.get(userId) ?? [];
    const top = stack.at(-1);
    if (top === undefined) return 'no_modal';
    if (stack.length >= 3) return 'push_limit_reached';
    const stored = this.newView(userId, 'modal', view, stack[0], top);
    stack.push(stored.id);
    this.changed();
    return stored;
  }

  /** Replaces a view's content. Values entered in blocks that are still there are kept (Slack does so). */
  replaceView(existing: StoredView, view: Json): StoredView {
    // As Slack does, an input keeps what it holds while its block_id and action_id stay the same.
    const actionIds = new Map<string, unknown>();
    for (const block of Array.isArray(view.blocks) ? view.blocks : []) {
      const { block_id: blockId, element } = block as Json;
      if (typeof blockId === 'string')
        actionIds.set(blockId, element && typeof element === 'object' ? (element as Json).action_id : undefined);
    }
    existing.view = view;
    existing.hash = newHash();
    existing.state = Object.fromEntries(
      Object.entries(existing.state)
        .filter(([blockId]) => actionIds.has(blockId))
        .map(([blockId, byAction]) => {
          const actionId = actionIds.get(blockId);
          const kept = Object.entries(byAction).filter(([id]) => actionId === undefined || id === actionId);
          return [blockId, Object.fromEntries(kept)] as const;
        }),
    );
    existing.errors = {};
    existing.revision = this.revision + 1;
    this.changed();
    return existing;
  }

  publishHome(userId: string, view: Json): StoredView {
    const existing = this.home(userId);
    if (existing) return this.replaceView(existing, view);
    const stored = this.newView(userId, 'home', view, undefined, undefined);
    this.homes.set(userId, stored.id);
    this.changed();
    return stored;
  }

  /** Closes the modal on top (or the whole stack); returns the views closed. */
  closeModals(userId: string, which: 'top' | 'all'): StoredView[] {
    const stack = this.modalStacks.get(userId) ?? [];
    const closing = which === 'all' ? stack.splice(0) : stack.splice(-1);
    const closed = closing.map((id) => this.views.get(id)).filter((v): v is StoredView => !!v);
    for (const id of closing) this.views.delete(id);
    if (stack.length === 0) this.modalStacks.delete(userId);
    this.changed();
    return closed;
  }

  setViewInput(view: StoredView, state: StateValues, errors: Record<string, string> = {}): void {
    view.state = state;
    view.errors = errors;
    view.revision = this.revision + 1;
    this.changed();
  }

  private newView(
    userId: string,
    type: 'modal' | 'home',
    view: Json,
    rootViewId: string | undefined,
    previousViewId: string | undefined,
  ): StoredView {
    const id = this.nextId('V');
    const stored: StoredView = {
      id,
      userId,
      type,
      view,
      hash: newHash(),
      state: {},
      errors: {},
      rootViewId: rootViewId ?? id,
      previousViewId,
      revision: this.revision + 1,
    };
    this.views.set(id, stored);
    return stored;
  }

  // ---- trigger ids and response URLs

  newTrigger(userId: string): string {
    const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
    const id = `${1 + ((randomBytes(1)[0] ?? 0) % 9)}${digits(12)}.${digits(10)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { userId, expiresAt: Date.now() + TRIGGER_LIFETIME_MS });
    return id;
  }

  /** The person a trigger id was issued for; each works once, and only while it is fresh. */
  useTrigger(triggerId: string): { userId: string } | 'expired_trigger_id' | 'invalid_trigger_id' {
    const trigger = this.triggers.get(triggerId);
    if (trigger === undefined) return 'invalid_trigger_id';
    this.triggers.delete(triggerId);
    if (trigger.expiresAt < Date.now()) return 'expired_trigger_id';
    return { userId: trigger.userId };
  }

  newResponseTarget(target: Omit<ResponseTarget, 'expiresAt' | 'uses'>): string {
    const id = `${this.nextId('R')}${randomBytes(12).toString('hex')}`;
    this.responseTargets.set(id, { ...target, expiresAt: Date.now() + RESPONSE_URL_LIFETIME_MS, uses: 0 });
    return id;
  }

  responseTarget(id: string): ResponseTarget | undefined {
    const target = this.responseTargets.get(id);
    if (target && target.expiresAt < Date.now()) {
      this.responseTargets.delete(id);
      return undefined;
    }
    return target;
  }

  /** Everything back to an empty workspace (the "Reset demo" action). */
  clear(): void {
    this.messages.clear();
    this.views.clear();
    this.modalStacks.clear();
    this.homes.clear();
    this.triggers.clear();
    this.responseTargets.clear();
    this.files.clear();
    this.pendingUploads.clear();
    this.changed();
  }
}

function newHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('hex')}`;
}
