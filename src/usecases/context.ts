// What every use case is told about the request: which workspace, who acts (and, read when first needed,
// their role), when, in which time zone and language, and from which surface. Adapters build it — Slack
// from the authorised request (src/slack/request-context.ts), the scheduler from a subscription, tests
// directly — and the use cases decide everything else.
import type { LocalDate } from '../domain/local-date.ts';
import type { Access } from '../services/members.ts';

/** Where a request came from: refusals and events say so, and a new surface is one more name here. */
export type Surface = 'command' | 'button' | 'form' | 'home' | 'options' | 'scheduler' | 'playground';

export interface Actor {
  /** The member's Slack user id (their identity in the workspace). */
  userId: string;
  displayName: string;
}

export interface RequestContext {
  workspaceId: string;
  actor: Actor;
  /**
   * The actor's role and the workspace's reading rule, read fresh from the database once per request
   * (roles change, and every instance must see the change at once). Memoised by `memberLoader`.
   */
  member(): Promise<Access>;
  /**
   * Tells the context the access just read with something else (one query, not two): the request's
   * first read of who asks, a check's read with the opportunity's owner. The latest read wins.
   */
  knowMember(access: Access): void;
  /** The access already read in this request, if any (reads nothing). */
  knownMember(): Access | undefined;
  /** The moment of the request, from the injected clock. */
  now: Date;
  /** The calendar date in the actor's time zone. */
  today: LocalDate;
  timeZone: string;
  /** The actor's language (BCP 47); the catalogue that answers them. */
  locale: string;
  surface: Surface;
  /** The channel the request was made in, where one exists (where the channel hears of a change). */
  channelId?: string | undefined;
}

/** A `member()` that reads once per request, and can be told the answer when something else read it. */
export function memberLoader(
  read: () => Promise<Access>,
): Pick<RequestContext, 'member' | 'knowMember' | 'knownMember'> {
  let pending: Promise<Access> | undefined;
  let known: Access | undefined;
  return {
    member: () =>
      (pending ??= read().then((access) => {
        known ??= access;
        return access;
      })),
    knowMember: (access) => {
      known = access;
      pending = Promise.resolve(access);
    },
    knownMember: () => known,
  };
}
