// Who may do what in a workspace. Pure policy: the Slack layer asks it before every service call.
//
//   admin    everything: setup (cycles, stages, codes, contacts, customers, activities), purge, roles,
//            workspace settings and deletion — and everything a manager may do;
//   manager  every opportunity of the workspace (read and change, create for anyone), digests and
//            subscriptions — and everything a rep may do;
//   rep      creates opportunities for themselves and changes only those where they are the
//            salesperson; reads all of them, or only their own when the workspace says so; adds
//            contacts unless the workspace keeps that to admins.
//
// A person without a role is a rep.

export type Role = 'admin' | 'manager' | 'rep';

/** From the least to the most allowed. */
export const ROLES: readonly Role[] = ['rep', 'manager', 'admin'];

export type Permission =
  | 'setup'
  | 'add-contacts'
  | 'purge'
  | 'manage-roles'
  | 'workspace-admin'
  | 'digests'
  | 'create-opportunity'
  | 'change-opportunity'
  | 'read-opportunity';

export const PERMISSIONS: readonly Permission[] = [
  'setup',
  'add-contacts',
  'purge',
  'manage-roles',
  'workspace-admin',
  'digests',
  'create-opportunity',
  'change-opportunity',
  'read-opportunity',
];

export interface AccessContext {
  /**
   * The person acting is the opportunity's salesperson (for create: the salesperson they name is
   * themselves). For a list or a statistic over many opportunities: false.
   */
  isOwner?: boolean;
  /** The workspace setting: reps read only the opportunities where they are the salesperson. */
  repsSeeOnlyOwn?: boolean;
  /** The workspace setting: everyone may add contacts (a new prospect need not wait for an admin). */
  repsAddContacts?: boolean;
}

/** The least role that may use a permission without owning anything. */
const BASE: Record<Permission, Role> = {
  setup: 'admin',
  'add-contacts': 'admin',
  purge: 'admin',
  'manage-roles': 'admin',
  'workspace-admin': 'admin',
  digests: 'manager',
  'create-opportunity': 'manager',
  'change-opportunity': 'manager',
  'read-opportunity': 'manager',
};

function rank(role: Role): number {
  return ROLES.indexOf(role);
}

export function can(role: Role, permission: Permission, context: AccessContext = {}): boolean {
  if (rank(role) >= rank(BASE[permission])) return true;
  // What is left is a rep's own ground.
  switch (permission) {
    case 'create-opportunity':
    case 'change-opportunity':
      return context.isOwner === true;
    case 'read-opportunity':
      return context.isOwner === true || context.repsSeeOnlyOwn !== true;
    case 'add-contacts':
      return context.repsAddContacts === true;
    default:
      return false;
  }
}

/** The least role that may use `permission` in this context (the one a refusal names). */
export function requiredRole(permission: Permission, context: AccessContext = {}): Role {
  return ROLES.find((role) => can(role, permission, context)) ?? 'admin';
}

/**
 * What a person tries to do, as a refusal names it. Each maps to one permission; the sentence
 * (src/i18n/en/rules.ts) says the action and the role it needs.
 */
export type GuardedAction =
  | 'set-up-sales-cycles'
  | 'set-up-stages'
  | 'set-up-close-codes'
  | 'add-contact'
  | 'edit-contact'
  | 'add-customer'
  | 'add-activity'
  | 'purge'
  | 'change-roles'
  | 'change-settings'
  | 'delete-workspace'
  | 'post-digest'
  | 'manage-subscriptions'
  | 'manage-alerts'
  | 'set-channel-language'
  | 'create-opportunity'
  | 'change-opportunity'
  | 'read-opportunity'
  | 'read-pipeline'
  | 'change-task'
  | 'read-tasks'
  | 'reassign-opportunity';

export const ACTION_PERMISSION: Record<GuardedAction, Permission> = {
  'set-up-sales-cycles': 'setup',
  'set-up-stages': 'setup',
  'set-up-close-codes': 'setup',
  // Everyone's when the workspace says so (the default), else the admins'.
  'add-contact': 'add-contacts',
  // Changing a contact that opportunities, quotes and orders use stays with the admins.
  'edit-contact': 'setup',
  'add-customer': 'setup',
  'add-activity': 'setup',
  purge: 'purge',
  'change-roles': 'manage-roles',
  'change-settings': 'workspace-admin',
  'delete-workspace': 'workspace-admin',
  'post-digest': 'digests',
  'manage-subscriptions': 'digests',
  // Which channels hear about which changes: those who decide what is posted there.
  'manage-alerts': 'digests',
  // What a channel's posts are written in: those who decide what is posted there.
  'set-channel-language': 'digests',
  'create-opportunity': 'create-opportunity',
  'change-opportunity': 'change-opportunity',
  'read-opportunity': 'read-opportunity',
  // Figures over many opportunities (sales cycle statistics): reading all of them.
  'read-pipeline': 'read-opportunity',
  // A task is its owner's work, as an opportunity is its salesperson's: they (or a manager) complete or
  // postpone it, and only managers and admins read another person's task list.
  'change-task': 'change-opportunity',
  'read-tasks': 'change-opportunity',
  // Naming another salesperson on an existing opportunity: as for a new one, reps name only themselves.
  'reassign-opportunity': 'create-opportunity',
};

export type Decision = { allowed: true } | { allowed: false; role: Exclude<Role, 'rep'> };

/** Whether `role` may do `action`; when not, the role it would need (never rep: reps are the floor). */
export function decide(role: Role, action: GuardedAction, context: AccessContext = {}): Decision {
  const permission = ACTION_PERMISSION[action];
  const scoped: AccessContext = action === 'read-pipeline' ? { ...context, isOwner: false } : context;
  if (can(role, permission, scoped)) return { allowed: true };
  const needed = requiredRole(permission, scoped);
  return { allowed: false, role: needed === 'rep' ? 'manager' : needed };
}

/** Which pipeline App Home shows: the team's to managers and admins, a rep their own (however much they may read). */
export type HomeScope = 'own' | 'team';

export function homeScopeOf(role: Role): HomeScope {
  return role === 'rep' ? 'own' : 'team';
}

/** The one role that may be given the last admin's place: taking it away needs another admin first. */
export function removesLastAdmin(current: Role, next: Role, adminCount: number): boolean {
  return current === 'admin' && next !== 'admin' && adminCount <= 1;
}
