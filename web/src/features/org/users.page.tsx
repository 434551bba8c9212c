import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useMe, useSession, type RoleKey } from '../../app/session.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { roleLabel, statusLabel } from './org.labels.ts';
import { ROLE_KEYS, type User, type UserStatus } from './org.types.ts';
import { UserFormModal } from './user-form.modal.tsx';
import { useTeams } from './use-teams.ts';

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const canHandOver = can('pool.manage');
  // A leaver's customers should not sit with nobody: offer the handover right after deactivating.
  const offerHandover = (user: User) =>
    modal.confirm({
      title: t('users.handover.title', { name: user.name }),
      content: t('users.handover.help'),
      okText: t('users.handover.go'),
      cancelText: t('users.handover.later'),
      okButtonProps: { 'data-testid': 'user-handover-go' },
      onOk: () => void navigate(`/pool/handover?from=${user.id}`),
    });
  const onError = useErrorHandler();
  const [q, setQ] = useState('');
  const [roleKey, setRoleKey] = useState<RoleKey | undefined>();
  const [status, setStatus] = useState<UserStatus | undefined>();
  const list = useCursorList<User>('/users', { q, roleKey, status });
  const { teams } = useTeams();
  const teamNames = useMemo(() => new Map(teams.map((team) => [team.id, team.name])), [teams]);
  const [editing, setEditing] = useState<Editing>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const setUserStatus = async (user: User, next: UserStatus) => {
    setBusyId(user.id);
    try {
      if (next === 'inactive') {
        await api<void>(`/users/${user.id}`, { method: 'DELETE' });
        list.replace((item) => item.id === user.id, { ...user, status: 'inactive' });
        void message.success(t('users.deactivated', { name: user.name }));
        if (canHandOver) offerHandover(user);
      } else {
        const saved = await api<User>(`/users/${user.id}`, { method: 'PATCH', body: { status: 'active' } });
        list.replace((item) => item.id === user.id, saved);
        void message.success(t('users.reactivated', { name: user.name }));
      }
    } catch (error) {
      onError(error);
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('users.field.name'), dataIndex: 'name', key: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('users.field.email'), dataIndex: 'email', key: 'email', render: (v: string | null) => v ?? '—' },
    { title: t('users.field.mobile'), dataIndex: 'mobile', key: 'mobile', render: (v: string | null) => v ?? '—' },
    {
      title: t('users.field.role'),
      dataIndex: 'roleKey',
      key: 'roleKey',
      render: (key: RoleKey) => <span data-testid="user-role">{roleLabel(t, key)}</span>,
    },
    {
      title: t('users.field.team'),
      dataIndex: 'teamId',
      key: 'teamId',
      render: (id: string | null) => (id ? (teamNames.get(id) ?? '…') : '—'),
    },
    {
      title: t('users.field.status'),
      dataIndex: 'status',
      key: 'status',
      render: (value: UserStatus) => (
        <Tag color={value === 'active' ? 'green' : 'default'} data-testid="user-status" data-status={value}>
          {statusLabel(t, value)}
        </Tag>
      ),
    },
    {
      title: t('users.field.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      responsive: ['md'],
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, user: User) => (
        <Space size={0}>
          <Button type="link" size="small" data-testid="user-edit" onClick={() => setEditing({ mode: 'edit', user })}>
            {t('common.edit')}
          </Button>
          {user.status === 'active' && user.id !== me.user.id && (
            <Popconfirm
              title={t('users.confirmDeactivate', { name: user.name })}
              description={t('users.confirmDeactivateHelp')}
              okText={t('users.deactivate')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
              onConfirm={() => setUserStatus(user, 'inactive')}
            >
              <Button type="link" size="small" danger loading={busyId === user.id} data-testid="user-deactivate">
                {t('users.deactivate')}
              </Button>
            </Popconfirm>
          )}
          {user.status === 'inactive' && canHandOver && (
            <Button type="link" size="small" data-testid="user-handover" onClick={() => void navigate(`/pool/handover?from=${user.id}`)}>
              {t('users.handover.link')}
            </Button>
          )}
          {user.status === 'inactive' && (
            <Popconfirm
              title={t('users.confirmReactivate', { name: user.name })}
              okText={t('users.reactivate')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              onConfirm={() => setUserStatus(user, 'active')}
            >
              <Button type="link" size="small" loading={busyId === user.id} data-testid="user-reactivate">
                {t('users.reactivate')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="users-create" onClick={() => setEditing({ mode: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="users-search"
        />
        <Select<RoleKey>
          allowClear
          placeholder={t('users.field.role')}
          value={roleKey}
          onChange={setRoleKey}
          options={ROLE_KEYS.map((key) => ({ value: key, label: roleLabel(t, key) }))}
          style={{ width: 140 }}
          data-testid="users-role-filter"
        />
        <Select<UserStatus>
          allowClear
          placeholder={t('users.field.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'active', label: statusLabel(t, 'active') },
            { value: 'inactive', label: statusLabel(t, 'inactive') },
          ]}
          style={{ width: 140 }}
          data-testid="users-status-filter"
        />
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        data-testid="users-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(user) => ({ 'data-testid': `user-row`, 'data-user-id': user.id }) as HTMLAttributes<HTMLElement>}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="users-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <UserFormModal
        open={editing !== null}
        user={editing?.mode === 'edit' ? editing.user : undefined}
        teams={teams}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          if (editing?.mode === 'edit') {
            list.replace((item) => item.id === saved.id, saved);
            void message.success(t('users.saved'));
          } else {
            list.reload();
            void message.success(t('users.created', { name: saved.name }));
          }
          setEditing(null);
        }}
      />
    </>
  );
}
