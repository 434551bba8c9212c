import type { TFunction } from 'i18next';
import type { DataScope, RoleKey } from '../../app/session.tsx';
import type { UserStatus } from './org.types.ts';

/** Labels spelled out key by key, so the locale test sees every one of them. */
export function roleLabel(t: TFunction, key: RoleKey): string {
  switch (key) {
    case 'admin':
      return t('role.admin');
    case 'manager':
      return t('role.manager');
    case 'sales':
      return t('role.sales');
    case 'service':
      return t('role.service');
  }
}

export function dataScopeLabel(t: TFunction, scope: DataScope): string {
  switch (scope) {
    case 'own':
      return t('dataScope.own');
    case 'team':
      return t('dataScope.team');
    case 'all':
      return t('dataScope.all');
  }
}

export function statusLabel(t: TFunction, status: UserStatus): string {
  switch (status) {
    case 'active':
      return t('users.status.active');
    case 'inactive':
      return t('users.status.inactive');
  }
}

/** Permissions come from the server; unknown ones show their key. */
export function permissionLabel(t: TFunction, key: string): string {
  return t(`permission.${key}`, { defaultValue: key });
}

export function permissionGroupLabel(t: TFunction, group: string): string {
  return t(`permissionGroup.${group}`, { defaultValue: group });
}
