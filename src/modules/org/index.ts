export { createUser, updateUser, getUser, listUsers, getActorProfile, touchLastLogin, setUserPassword, visibleOwnerIds, userNames, listMembers, type User, type Member } from './users.service.ts';
export { createTeam, listTeams, teamSubtree, type Team } from './teams.service.ts';
export { activeUsersWithPermission, type PermissionHolder } from './permission-holders.service.ts';
export { seedRoles, listRoles, getRole, type Role } from './roles.service.ts';
export { PERMISSIONS, PERMISSION_KEYS, ROLE_KEYS, DEFAULT_ROLES, type Permission } from './permissions.ts';
export type { RoleKey, DataScope, UserStatus } from './org.tables.ts';
export { registerOrgRoutes } from './org.routes.ts';
