import { App, Button, Card, Checkbox, Col, Flex, Radio, Row, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fetchAll } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import type { DataScope } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { dataScopeLabel, permissionGroupLabel, permissionLabel, roleLabel } from './org.labels.ts';
import { DATA_SCOPES, ROLE_KEYS, type PermissionInfo, type Role } from './org.types.ts';

type Draft = { dataScope: DataScope; permissions: string[] };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function RoleCard({ role, permissions, onSaved }: { role: Role; permissions: PermissionInfo[]; onSaved(role: Role): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [draft, setDraft] = useState<Draft>({ dataScope: role.dataScope, permissions: role.permissions });
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft({ dataScope: role.dataScope, permissions: role.permissions }), [role]);

  const groups = useMemo(() => {
    const byGroup = new Map<string, PermissionInfo[]>();
    for (const permission of permissions) byGroup.set(permission.group, [...(byGroup.get(permission.group) ?? []), permission]);
    return [...byGroup.entries()];
  }, [permissions]);

  const dirty = draft.dataScope !== role.dataScope || !sameSet(draft.permissions, role.permissions);

  const save = async () => {
    const body: Partial<Draft> = {};
    if (draft.dataScope !== role.dataScope) body.dataScope = draft.dataScope;
    if (!sameSet(draft.permissions, role.permissions)) body.permissions = draft.permissions;
    setSaving(true);
    try {
      const saved = await api<Role>(`/roles/${role.key}`, { method: 'PATCH', body });
      onSaved(saved);
      void message.success(t('roles.saved', { name: roleLabel(t, role.key) }));
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={roleLabel(t, role.key)}
      data-testid={`role-card-${role.key}`}
      extra={
        <Flex gap={8}>
          <Button size="small" disabled={!dirty || saving} onClick={() => setDraft({ dataScope: role.dataScope, permissions: role.permissions })}>
            {t('common.reset')}
          </Button>
          <Button size="small" type="primary" disabled={!dirty} loading={saving} data-testid={`role-save-${role.key}`} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Typography.Text type="secondary">{t('roles.dataScope')}</Typography.Text>
      <div style={{ margin: '4px 0 12px' }}>
        <Radio.Group
          value={draft.dataScope}
          onChange={(event) => setDraft((d) => ({ ...d, dataScope: event.target.value as DataScope }))}
          data-testid={`role-scope-${role.key}`}
          options={DATA_SCOPES.map((scope) => ({ value: scope, label: dataScopeLabel(t, scope) }))}
        />
      </div>
      <Typography.Text type="secondary">{t('roles.permissions')}</Typography.Text>
      {groups.map(([group, items]) => (
        <div key={group} style={{ marginTop: 8 }}>
          <Typography.Text strong style={{ fontSize: 12 }}>
            {permissionGroupLabel(t, group)}
          </Typography.Text>
          <Checkbox.Group
            style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 0', marginTop: 4 }}
            value={draft.permissions}
            onChange={(values) =>
              setDraft((d) => ({
                ...d,
                // keep permissions of other groups, replace this group's
                permissions: [...d.permissions.filter((p) => !items.some((i) => i.key === p)), ...(values as string[])],
              }))
            }
            options={items.map((permission) => ({
              value: permission.key,
              label: <span data-testid={`role-permission-${role.key}-${permission.key}`}>{permissionLabel(t, permission.key)}</span>,
            }))}
          />
        </div>
      ))}
    </Card>
  );
}

export function RolesPage() {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [permissions, setPermissions] = useState<PermissionInfo[]>([]);

  useEffect(() => {
    let active = true;
    Promise.all([fetchAll<Role>('/roles'), api<{ items: PermissionInfo[] }>('/permissions')])
      .then(([roleItems, permissionPage]) => {
        if (!active) return;
        const order = (key: string) => ROLE_KEYS.indexOf(key as Role['key']);
        setRoles([...roleItems].sort((a, b) => order(a.key) - order(b.key)));
        setPermissions(permissionPage.items);
      })
      .catch((error: unknown) => {
        if (!active) return;
        setRoles([]);
        onError(error);
      });
    return () => {
      active = false;
    };
  }, [onError]);

  return (
    <>
      <PageHeader title={t('roles.title')} />
      <Typography.Paragraph type="secondary">{t('roles.help')}</Typography.Paragraph>
      {roles === null ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {roles.map((role) => (
            <Col key={role.key} xs={24} lg={12}>
              <RoleCard
                role={role}
                permissions={permissions}
                onSaved={(saved) => setRoles((list) => list?.map((r) => (r.key === saved.key ? saved : r)) ?? null)}
              />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
