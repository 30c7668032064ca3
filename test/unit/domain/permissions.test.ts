import { describe, expect, it } from 'vitest';
import {
  ACTION_PERMISSION,
  can,
  decide,
  type GuardedAction,
  type Permission,
  PERMISSIONS,
  removesLastAdmin,
  requiredRole,
  type Role,
  ROLES,
} from '../../../src/domain/permissions.ts';

// The policy as a table: for each permission, who may use it
//   [not the owner, owner] with reps reading all, then [not the owner, owner] with reps seeing only their own.
type Row = readonly [notOwner: boolean, owner: boolean, notOwnerOnlyOwn: boolean, ownerOnlyOwn: boolean];
const ALL: Row = [true, true, true, true];
const NONE: Row = [false, false, false, false];
const OWN: Row = [false, true, false, true];

const TABLE: Record<Permission, Record<Role, Row>> = {
  setup: { admin: ALL, manager: NONE, rep: NONE },
  // These contexts leave the workspace's reps-add-contacts unset: admins only (see the test below).
  'add-contacts': { admin: ALL, manager: NONE, rep: NONE },
  purge: { admin: ALL, manager: NONE, rep: NONE },
  'manage-roles': { admin: ALL, manager: NONE, rep: NONE },
  'workspace-admin': { admin: ALL, manager: NONE, rep: NONE },
  digests: { admin: ALL, manager: ALL, rep: NONE },
  'create-opportunity': { admin: ALL, manager: ALL, rep: OWN },
  'change-opportunity': { admin: ALL, manager: ALL, rep: OWN },
  'read-opportunity': { admin: ALL, manager: ALL, rep: [true, true, false, true] },
};

const CONTEXTS = [
  { isOwner: false, repsSeeOnlyOwn: false },
  { isOwner: true, repsSeeOnlyOwn: false },
  { isOwner: false, repsSeeOnlyOwn: true },
  { isOwner: true, repsSeeOnlyOwn: true },
] as const;

const cases = PERMISSIONS.flatMap((permission) =>
  ROLES.flatMap((role) =>
    CONTEXTS.map((context, i) => ({ permission, role, context, expected: TABLE[permission][role][i] ?? false })),
  ),
);

describe('can: every role × permission × owner × reading setting', () => {
  it('covers every permission and role', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...PERMISSIONS].sort());
    expect(cases).toHaveLength(PERMISSIONS.length * ROLES.length * CONTEXTS.length);
  });

  it.each(cases)(
    '$role $permission isOwner=$context.isOwner repsSeeOnlyOwn=$context.repsSeeOnlyOwn → $expected',
    ({ permission, role, context, expected }) => {
      expect(can(role, permission, context)).toBe(expected);
    },
  );

  it('admins can do everything managers can, managers everything reps can', () => {
    for (const { permission, context } of cases) {
      if (can('rep', permission, context)) expect(can('manager', permission, context)).toBe(true);
      if (can('manager', permission, context)) expect(can('admin', permission, context)).toBe(true);
    }
  });

  it('without context a rep owns nothing and reads all', () => {
    expect(can('rep', 'change-opportunity')).toBe(false);
    expect(can('rep', 'create-opportunity')).toBe(false);
    expect(can('rep', 'read-opportunity')).toBe(true);
  });
});

describe('requiredRole: the least role that may', () => {
  it.each([
    ['setup', {}, 'admin'],
    ['add-contacts', { repsAddContacts: false }, 'admin'],
    ['add-contacts', { repsAddContacts: true }, 'rep'],
    ['purge', {}, 'admin'],
    ['manage-roles', {}, 'admin'],
    ['workspace-admin', {}, 'admin'],
    ['digests', {}, 'manager'],
    ['change-opportunity', { isOwner: false }, 'manager'],
    ['change-opportunity', { isOwner: true }, 'rep'],
    ['create-opportunity', { isOwner: false }, 'manager'],
    ['create-opportunity', { isOwner: true }, 'rep'],
    ['read-opportunity', { isOwner: false, repsSeeOnlyOwn: false }, 'rep'],
    ['read-opportunity', { isOwner: false, repsSeeOnlyOwn: true }, 'manager'],
    ['read-opportunity', { isOwner: true, repsSeeOnlyOwn: true }, 'rep'],
  ] as const)('%s %o → %s', (permission, context, role) => {
    expect(requiredRole(permission, context)).toBe(role);
  });
});

describe('decide: the refusal names the role an action needs', () => {
  const actions = Object.keys(ACTION_PERMISSION) as GuardedAction[];

  it.each(actions)('%s agrees with can() for every role and context', (action) => {
    for (const role of ROLES)
      for (const context of CONTEXTS) {
        const decision = decide(role, action, context);
        const scoped = action === 'read-pipeline' ? { ...context, isOwner: false } : context;
        expect(decision.allowed).toBe(can(role, ACTION_PERMISSION[action], scoped));
        if (!decision.allowed) {
          expect(decision.role).toBe(requiredRole(ACTION_PERMISSION[action], scoped));
          expect(can(decision.role, ACTION_PERMISSION[action], scoped)).toBe(true);
        }
      }
  });

  it('reads over many opportunities are never a rep’s own', () => {
    expect(decide('rep', 'read-pipeline', { isOwner: true, repsSeeOnlyOwn: true })).toEqual({
      allowed: false,
      role: 'manager',
    });
    expect(decide('rep', 'read-pipeline', { repsSeeOnlyOwn: false })).toEqual({ allowed: true });
  });

  it('setup refused to a manager needs admin; another’s opportunity refused to a rep needs manager', () => {
    expect(decide('manager', 'set-up-sales-cycles')).toEqual({ allowed: false, role: 'admin' });
    expect(decide('rep', 'change-opportunity', { isOwner: false })).toEqual({ allowed: false, role: 'manager' });
    expect(decide('rep', 'post-digest')).toEqual({ allowed: false, role: 'manager' });
  });
});

describe('removesLastAdmin', () => {
  it.each([
    ['admin', 'manager', 1, true],
    ['admin', 'rep', 1, true],
    ['admin', 'admin', 1, false],
    ['admin', 'rep', 2, false],
    ['manager', 'rep', 1, false],
    ['rep', 'admin', 0, false],
  ] as const)('%s → %s with %i admins: %s', (current, next, admins, expected) => {
    expect(removesLastAdmin(current, next, admins)).toBe(expected);
  });
});
