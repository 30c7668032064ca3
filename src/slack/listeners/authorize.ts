// Authorization of every route (commands, buttons, modal submissions and in-modal actions): one check
// before the service call, against the database and the acting user. What a request carries (button
// values, private_metadata) is only an id; the opportunity's salesperson is read again here.
import { z } from 'zod';
import { decide, type GuardedAction } from '../../domain/permissions.ts';
import { DomainError } from '../../domain/problems.ts';
import { CONTEXT_ID } from '../../services/interaction-contexts.ts';
import type { Access } from '../../services/members.ts';
import type { OpportunityFilter } from '../../services/opportunity-queries.ts';
import { OPPORTUNITY_NO } from '../blocks/metadata.ts';
import type { SlackDeps } from './support.ts';

export interface AccessScope {
  deps: SlackDeps;
  workspaceId: string;
  userId: string;
}

export interface AccessTarget {
  /** The opportunity acted on (change, read): its salesperson is read from the database. */
  opportunityNo?: string | undefined;
  /** The salesperson named for a new opportunity (create). */
  salespersonId?: string | undefined;
}

/** Actions on one opportunity: the salesperson decides what a rep may do. */
const ON_OPPORTUNITY: ReadonlySet<GuardedAction> = new Set(['change-opportunity', 'read-opportunity']);

/**
 * Refuses (DomainError 'not-allowed', nothing written) unless the acting user may do `action`; returns
 * their access for what follows (e.g. which opportunities a list may show). An opportunity that does not
 * exist in this workspace is "not found", as the service would say.
 */
export async function authorize(scope: AccessScope, action: GuardedAction, target: AccessTarget = {}): Promise<Access> {
  const { members } = scope.deps.services;
  let access: Access;
  let isOwner = false;
  let opportunityNo: string | undefined;
  if (ON_OPPORTUNITY.has(action) && target.opportunityNo !== undefined) {
    const read = await members.accessTo(scope.workspaceId, scope.userId, target.opportunityNo);
    access = read.access;
    // Managers and admins may act on any opportunity: the service reports one that doesn't exist.
    if (decide(access.role, action, { isOwner: false, repsSeeOnlyOwn: access.repsSeeOnlyOwn }).allowed) return access;
    if (!read.owner) {
      throw new DomainError({ kind: 'opportunity-not-found', no: target.opportunityNo.trim().toUpperCase() });
    }
    isOwner = read.owner.ownerId === scope.userId;
    opportunityNo = read.owner.no;
  } else {
    access = await members.access(scope.workspaceId, scope.userId);
    if (action === 'create-opportunity') isOwner = (target.salespersonId ?? scope.userId) === scope.userId;
  }
  const decision = decide(access.role, action, { isOwner, repsSeeOnlyOwn: access.repsSeeOnlyOwn });
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

/** The reading restriction of a list for this reader: reps only see their own when the workspace says so. */
export function readableFilter(access: Access): Pick<OpportunityFilter, 'readableBySalesperson'> {
  const allowed = decide(access.role, 'read-opportunity', { isOwner: false, repsSeeOnlyOwn: access.repsSeeOnlyOwn });
  return allowed.allowed ? {} : { readableBySalesperson: access.userId };
}

// ---- what a button value may be ----------------------------------------------------------------

/** The shape of an opportunity number (prefix and digits, as the numbering writes them). */
export const OPPORTUNITY_NO_VALUE = z.string().trim().toUpperCase().regex(OPPORTUNITY_NO);

/** A confirmation's id (an interaction context, see ./contexts.ts): 32 lower-case hex characters. */
export const TOKEN_VALUE = z.string().trim().regex(CONTEXT_ID);

/** An opportunity number from a button value, or "not found" for anything else. */
export function opportunityNoFrom(value: string): string {
  const parsed = OPPORTUNITY_NO_VALUE.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError({ kind: 'opportunity-not-found', no: shown(value) });
}

/** What is safe to repeat of an unexpected value in a sentence. */
function shown(value: string): string {
  const cleaned = value.slice(0, 20).replace(/[^A-Za-z0-9_-]/g, '?');
  return cleaned === '' ? '(none)' : cleaned;
}
