// Every use case asks here before it reads or changes anything: the domain's policy
// (src/domain/permissions.ts) decides, with the actor's role read fresh and, for one opportunity, its
// salesperson read again from the database. What a request carries (a button value, a form's context) is
// only an id: nothing a client sends decides which check runs.
import { decide, type GuardedAction } from '../domain/permissions.ts';
import { DomainError } from '../domain/problems.ts';
import type { Services } from '../services/index.ts';
import type { Access } from '../services/members.ts';
import type { OpportunityFilter } from '../services/opportunity-queries.ts';
import type { RequestContext } from './context.ts';

export interface GuardTarget {
  /** The opportunity acted on (change, read): its salesperson is read from the database. */
  opportunityNo?: string | undefined;
  /** The salesperson named for a new opportunity (create), or for an existing one (reassign). */
  salespersonId?: string | undefined;
  /** The task acted on (change-task): its owner is read from the database. */
  taskId?: number | undefined;
  /** Whose tasks are read (read-tasks; default the actor's own). */
  tasksOf?: string | undefined;
}

/** Actions on one opportunity: the salesperson decides what a rep may do. */
const ON_OPPORTUNITY: ReadonlySet<GuardedAction> = new Set(['change-opportunity', 'read-opportunity']);

export class Guard {
  constructor(private readonly services: Pick<Services, 'members' | 'tasks'>) {}

  /**
   * Refuses (DomainError 'not-allowed', nothing read or written yet) unless the actor may do `action`;
   * returns their access for what follows. An opportunity that does not exist in this workspace is
   * "not found", as the service would say, so a refusal tells nothing about other workspaces.
   */
  async require(ctx: RequestContext, action: GuardedAction, target: GuardTarget = {}): Promise<Access> {
    let access: Access;
    let isOwner = false;
    let opportunityNo: string | undefined;
    if (ON_OPPORTUNITY.has(action) && target.opportunityNo !== undefined) {
      // Managers and admins may act on any opportunity: with their access read already in this request
      // (fresh, see RequestContext.member), its salesperson does not matter and nothing more is read.
      const known = ctx.knownMember();
      if (known && decide(known.role, action, { ...workspaceRules(known), isOwner: false }).allowed) return known;
      // The role and the salesperson in one read.
      const read = await this.services.members.accessTo(ctx.workspaceId, ctx.actor.userId, target.opportunityNo);
      access = read.access;
      ctx.knowMember(access);
      // Managers and admins may act on any opportunity: the use case reports one that doesn't exist.
      if (decide(access.role, action, { ...workspaceRules(access), isOwner: false }).allowed) {
        return access;
      }
      if (!read.owner) {
        throw new DomainError({ kind: 'opportunity-not-found', no: target.opportunityNo.trim().toUpperCase() });
      }
      isOwner = read.owner.ownerId === ctx.actor.userId;
      opportunityNo = read.owner.no;
    } else if (action === 'change-task' && target.taskId !== undefined) {
      access = await ctx.member();
      const task = await this.services.tasks.ownerOf(ctx.workspaceId, target.taskId);
      // As for opportunities: a manager is told by the use case that it does not exist, a rep here.
      if (!task && !decide(access.role, action, { isOwner: false }).allowed)
        throw new DomainError({ kind: 'task-not-found', taskId: target.taskId });
      isOwner = task?.ownerSlackUserId === ctx.actor.userId;
    } else {
      access = await ctx.member();
      if (action === 'create-opportunity' || action === 'reassign-opportunity')
        isOwner = (target.salespersonId ?? ctx.actor.userId) === ctx.actor.userId;
      if (action === 'reassign-opportunity') opportunityNo = target.opportunityNo?.trim().toUpperCase();
      if (action === 'read-tasks') isOwner = (target.tasksOf ?? ctx.actor.userId) === ctx.actor.userId;
    }
    const decision = decide(access.role, action, { ...workspaceRules(access), isOwner });
    if (!decision.allowed) {
      throw new DomainError({
        kind: 'not-allowed',
        action,
        role: decision.role,
        ...(opportunityNo !== undefined ? { opportunityNo } : {}),
      });
    }
    return access;
  }
}

/** The workspace's settings that widen or narrow what a rep may do. */
function workspaceRules(access: Access) {
  return { repsSeeOnlyOwn: access.repsSeeOnlyOwn, repsAddContacts: access.repsAddContacts };
}

/** The reading restriction of a list for this reader: reps only see their own when the workspace says so. */
export function readableFilter(access: Access): Pick<OpportunityFilter, 'readableBySalesperson'> {
  const allowed = decide(access.role, 'read-opportunity', { isOwner: false, repsSeeOnlyOwn: access.repsSeeOnlyOwn });
  return allowed.allowed ? {} : { readableBySalesperson: access.userId };
}
