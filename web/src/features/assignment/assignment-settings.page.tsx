import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, fetchAll } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { User } from '../org/org.types.ts';
import { useTeams } from '../org/use-teams.ts';
import { conditionText } from '../scoring/scoring-fields.ts';
import { conditionWords } from '../scoring/scoring.labels.ts';
import { moveItem } from '../settings/data-settings.ts';
import { AssignmentPreviewCard } from './assignment-preview.card.tsx';
import { AssignmentRuleModal } from './assignment-rule.modal.tsx';
import type { AssignmentRule } from './assignment.types.ts';

/** Assignment rules in the order they are tried, an editor, and a tester. */
export function AssignmentSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { teams } = useTeams();
  const [rules, setRules] = useState<AssignmentRule[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<{ rule: AssignmentRule | null } | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    api<AssignmentRule[]>('/assignment/rules')
      .then(setRules)
      .catch(onError)
      .finally(() => setLoading(false));
  }, [onError]);
  useEffect(load, [load]);
  useEffect(() => {
    fetchAll<User>('/users', { limit: 200 }).then(setUsers).catch(onError);
  }, [onError]);

  const names = useMemo(() => new Map<string, string>([...users.map((u) => [u.id, u.name] as const), ...teams.map((team) => [team.id, team.name] as const)]), [users, teams]);

  const move = async (index: number, step: -1 | 1) => {
    const next = moveItem(rules, index, step);
    setRules(next);
    try {
      setRules(await api<AssignmentRule[]>('/assignment/rules/order', { method: 'PUT', body: { ids: next.map((r) => r.id) } }));
    } catch (error) {
      onError(error);
      load();
    }
  };
  const remove = async (rule: AssignmentRule) => {
    try {
      await api(`/assignment/rules/${rule.id}`, { method: 'DELETE' });
      void message.success(t('assignment.deleted'));
      load();
    } catch (error) {
      onError(error);
    }
  };

  const candidates = (rule: AssignmentRule) => {
    if (rule.method === 'queue') return t('assignment.preview.queue', { team: names.get(rule.teamId ?? '') ?? '—' });
    if (rule.userIds.length) return rule.userIds.map((id) => names.get(id) ?? id).join('、');
    return t('assignment.teamMembers', { team: names.get(rule.teamId ?? '') ?? '—' });
  };

  const columns: TableColumnsType<AssignmentRule> = [
    { title: '#', width: 48, render: (_, __, index) => index + 1 },
    {
      title: t('assignment.ruleName'),
      dataIndex: 'name',
      render: (name: string, rule) => (
        <Flex vertical>
          <Typography.Text strong>
            {name} {!rule.enabled && <Tag>{t('assignment.disabled')}</Tag>}
          </Typography.Text>
          <Typography.Text type="secondary">{conditionText(rule.condition, conditionWords(t))}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('assignment.method'), dataIndex: 'method', render: (m: AssignmentRule['method']) => <Tag color="blue">{t(`assignment.methods.${m}`)}</Tag> },
    { title: t('assignment.candidates'), render: (_, rule) => candidates(rule) },
    { title: t('assignment.cap'), dataIndex: 'cap', render: (cap: number | null) => cap ?? '—' },
    {
      title: t('common.actions'),
      width: 190,
      render: (_, rule, index) => (
        <Flex gap={4}>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('assignment.moveUp')} onClick={() => void move(index, -1)} data-testid={`assignment-up-${index}`} />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={index === rules.length - 1} aria-label={t('assignment.moveDown')} onClick={() => void move(index, 1)} data-testid={`assignment-down-${index}`} />
          <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing({ rule })} data-testid={`assignment-edit-${index}`} />
          <Popconfirm title={t('assignment.confirmDelete')} onConfirm={() => void remove(rule)} okText={t('common.delete')} cancelText={t('common.cancel')}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('assignment.title')}
        extra={
          <>
            <Link to="/assignment/availability">{t('assignment.availability.title')}</Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })} data-testid="assignment-add-rule">
              {t('assignment.addRule')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Typography.Paragraph type="secondary">{t('assignment.intro')}</Typography.Paragraph>
          <Table<AssignmentRule> rowKey="id" size="middle" loading={loading} columns={columns} dataSource={rules} pagination={false} locale={{ emptyText: t('assignment.empty') }} data-testid="assignment-rules" scroll={{ x: 800 }} />
        </Card>
        <AssignmentPreviewCard names={names} />
      </Flex>
      <AssignmentRuleModal
        open={editing !== null}
        rule={editing?.rule ?? null}
        users={users}
        teams={teams}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('assignment.saved'));
          load();
        }}
      />
    </>
  );
}
