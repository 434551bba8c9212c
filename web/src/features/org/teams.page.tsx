import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Row, Spin, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { Team } from './org.types.ts';
import { TeamFormModal, type TeamEditing } from './team-form.modal.tsx';
import { buildTeamTree, type TeamNode } from './team-tree.ts';
import { useTeams } from './use-teams.ts';
import { useUserNames } from './use-user-names.ts';

export function TeamsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { teams, loading, reload } = useTeams();
  const userNames = useUserNames();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [editing, setEditing] = useState<TeamEditing | null>(null);
  const [deleting, setDeleting] = useState(false);

  // Newly loaded teams start expanded; what the user collapsed stays collapsed.
  const [seen, setSeen] = useState<Set<string>>(new Set());
  useEffect(() => {
    const fresh = teams.filter((team) => !seen.has(team.id)).map((team) => team.id);
    if (!fresh.length) return;
    setExpanded((previous) => [...previous, ...fresh]);
    setSeen((previous) => new Set([...previous, ...fresh]));
  }, [teams, seen]);

  const treeData = useMemo(() => {
    const toNode = (node: TeamNode): TreeDataNode => ({
      key: node.id,
      title: (
        <span data-testid="team-node" data-team-id={node.id}>
          {node.name}{' '}
          <Badge count={node.memberCount} showZero color={node.memberCount ? '#1677ff' : '#d9d9d9'} size="small" />
        </span>
      ),
      children: node.children.map(toNode),
    });
    return buildTeamTree(teams).map(toNode);
  }, [teams]);

  const selected = teams.find((team) => team.id === selectedId);
  const parentName = selected?.parentId ? teams.find((team) => team.id === selected.parentId)?.name : undefined;

  const remove = async (team: Team) => {
    setDeleting(true);
    try {
      await api<void>(`/teams/${team.id}`, { method: 'DELETE' });
      void message.success(t('teams.deleted', { name: team.name }));
      setSelectedId(null);
      reload();
    } catch (error) {
      onError(error);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="teams-create" onClick={() => setEditing({ mode: 'create', parentId: null })}>
            {t('teams.create')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card size="small" title={t('teams.treeTitle')}>
            <Spin spinning={loading}>
              {teams.length ? (
                <Tree
                  data-testid="teams-tree"
                  blockNode
                  showLine
                  treeData={treeData}
                  expandedKeys={expanded}
                  onExpand={(keys) => setExpanded(keys as string[])}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(keys) => setSelectedId((keys[0] as string | undefined) ?? null)}
                />
              ) : (
                <Empty description={t('teams.empty')} />
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={selected ? selected.name : t('teams.details')} data-testid="team-details">
            {selected ? (
              <>
                <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
                  <Descriptions.Item label={t('teams.field.name')}>{selected.name}</Descriptions.Item>
                  <Descriptions.Item label={t('teams.field.parent')}>{parentName ?? t('teams.noParent')}</Descriptions.Item>
                  <Descriptions.Item label={t('teams.field.manager')}>
                    {selected.managerUserId ? (userNames.get(selected.managerUserId) ?? '…') : t('teams.noManager')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('teams.field.memberCount')}>{selected.memberCount}</Descriptions.Item>
                </Descriptions>
                <Flex wrap gap={8}>
                  <Button icon={<PlusOutlined />} data-testid="team-add-child" onClick={() => setEditing({ mode: 'create', parentId: selected.id })}>
                    {t('teams.addChild')}
                  </Button>
                  <Button icon={<EditOutlined />} data-testid="team-edit" onClick={() => setEditing({ mode: 'edit', team: selected })}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('teams.confirmDelete', { name: selected.name })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                    onConfirm={() => remove(selected)}
                  >
                    <Button danger icon={<DeleteOutlined />} loading={deleting} data-testid="team-delete">
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Flex>
              </>
            ) : (
              <Typography.Text type="secondary">{t('teams.selectHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <TeamFormModal
        editing={editing}
        teams={teams}
        userNames={userNames}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          void message.success(t('teams.saved'));
          setEditing(null);
          setSelectedId(saved.id);
          reload();
        }}
      />
    </>
  );
}
