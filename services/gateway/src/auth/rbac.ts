/** The seed's permissions; every route names exactly one of them (or `authenticated`). */
export const PERMISSIONS = [
  'workflows:create',
  'workflows:read',
  'workflows:update',
  'workflows:delete',
  'workflows:execute',
  'ai:generate',
  'ai:optimize',
  'ai:test',
  'ai:feedback',
  'admin:manage_users',
  'admin:system_config',
  'admin:audit_logs',
] as const;

/** One permission of the seed. */
export type Permission = (typeof PERMISSIONS)[number];

/** What a route asks of its caller: a permission, or only a valid credential (`/me`). */
export type RouteRequirement = Permission | 'authenticated';

const READ: Permission[] = ['workflows:read'];
const BUILD: Permission[] = [
  ...READ,
  'workflows:create',
  'workflows:update',
  'workflows:execute',
  'ai:generate',
  'ai:optimize',
  'ai:test',
  'ai:feedback',
];
const OPERATE: Permission[] = [...BUILD, 'workflows:delete', 'admin:audit_logs', 'admin:system_config'];

/** Roles and the permissions they grant; documented in docs/api.md. */
export const ROLES = {
  /** Reads workflows, agents, runs and their logs. */
  viewer: READ,
  /** Builds and runs workflows and uses the AI features. */
  developer: BUILD,
  /** A developer who may also delete, configure and read the audit log. */
  operator: OPERATE,
  /** Everything, including API keys and users. */
  admin: [...PERMISSIONS],
} as const satisfies Record<string, readonly Permission[]>;

/** A role name. */
export type Role = keyof typeof ROLES;

/** Whether a string names a role. */
export function isRole(name: string): name is Role {
  return Object.hasOwn(ROLES, name);
}

/** Every permission the roles grant together; unknown role names grant nothing. */
export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) if (isRole(role)) for (const p of ROLES[role]) granted.add(p);
  return granted;
}

// A cached principal's roles are one frozen array, so its permissions are worked out once, not per request.
const granted = new WeakMap<readonly string[], Granted>();

/** Permissions as a set (for checks) and a sorted list (for answers); the list is frozen, so never change it. */
export interface Granted {
  set: ReadonlySet<Permission>;
  sorted: Permission[];
}

/** The permissions of roles, remembered for frozen role lists. */
export function grantedBy(roles: readonly string[]): Granted {
  let permissions = granted.get(roles);
  if (permissions === undefined) {
    const set = permissionsOf(roles);
    permissions = { set, sorted: Object.freeze([...set].sort()) as Permission[] };
    if (Object.isFrozen(roles)) granted.set(roles, permissions);
  }
  return permissions;
}

/** Whether roles satisfy a route's requirement. */
export function allows(roles: readonly string[], requirement: RouteRequirement): boolean {
  return requirement === 'authenticated' || grantedBy(roles).set.has(requirement);
}
