import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Empty, Flex, Form, InputNumber, Popconfirm, Row, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useSession } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { PoolForm } from './pool-form.tsx';
import { LimitsTab, MembersTab, RulesTab } from './pool-lists.tabs.tsx';
import type { Pool, PoolSettings } from './pool.types.ts';
import { usePeople, usePools } from './use-pools.ts';

type Editing = { pool: Pool | null; tab: string } | null;

/** 公海设置: the pools, each one's settings, members, limits and recycle rules; and the collusion thresholds. */
export function PoolSettingsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { pools, loading, reload } = usePools();
  const { people } = usePeople();
  const [editing, setEditing] = useState<Editing>(null);
  const configureAll = can('sales.configure');
  const configurable = pools.filter((p) => configureAll || p.canConfigure);

  const remove = async (pool: Pool) => {
    try {
      await api(`/pools/${pool.id}`, { method: 'DELETE' });
      void message.success(t('pool.settings.deleted', { name: pool.name }));
      reload();
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<Pool> = [
    {
      title: t('pool.form.name'),
      key: 'name',
      render: (_: unknown, pool) => (
        <Flex vertical gap={2}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong data-testid="pool-settings-name">
              {pool.name}
            </Typography.Text>
            {pool.isDefault && <Tag color="blue">{t('pool.settings.default')}</Tag>}
          </Flex>
          {pool.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {pool.description}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('pool.form.levels'), dataIndex: 'levels', key: 'levels', responsive: ['md'], render: (levels: string[]) => levels.join(' / ') },
    { title: t('pool.settings.limitsColumn'), key: 'limits', responsive: ['sm'], render: (_: unknown, pool) => t('pool.settings.limitsText', { daily: pool.dailyClaimLimit, cap: pool.privateCap }) },
    { title: t('pool.form.protectionDays'), dataIndex: 'protectionDays', key: 'protection', responsive: ['lg'], render: (days: number) => t('pool.settings.daysN', { days }) },
    { title: t('pool.settings.countsColumn'), key: 'counts', responsive: ['md'], render: (_: unknown, pool) => t('pool.settings.countsText', { public: pool.counts.public, private: pool.counts.private }) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, pool) => (
        <Flex gap={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ pool, tab: 'basic' })} data-testid="pool-settings-edit">
            {t('common.edit')}
          </Button>
          {configureAll && !pool.isDefault && (
            <Popconfirm
              title={t('pool.settings.confirmDelete', { name: pool.name })}
              description={t('pool.settings.confirmDeleteHelp')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
              onConfirm={() => void remove(pool)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="pool-settings-delete" />
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  const current = editing?.pool ?? null;

  return (
    <>
      <PageHeader
        title={t('pool.settings.title')}
        extra={
          configureAll && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ pool: null, tab: 'basic' })} data-testid="pool-settings-create">
              {t('pool.settings.create')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Typography.Paragraph type="secondary">{t('pool.settings.intro')}</Typography.Paragraph>
          <Table<Pool>
            rowKey="id"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={configurable}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pool.settings.empty')} /> }}
            data-testid="pool-settings-table"
            onRow={(pool) => ({ 'data-testid': 'pool-settings-row', 'data-pool-id': pool.id }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
        {configureAll && <CollusionSettingsCard />}
      </Flex>
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={current ? t('pool.settings.editTitle', { name: current.name }) : t('pool.settings.create')}
        size="large"
        destroyOnHidden
        data-testid="pool-drawer"
      >
        {editing && (
          <Tabs
            activeKey={editing.tab}
            onChange={(tab) => setEditing({ ...editing, tab })}
            items={[
              {
                key: 'basic',
                label: <span data-testid="pool-tab-basic">{t('pool.settings.tabBasic')}</span>,
                children: (
                  <PoolForm
                    pool={current}
                    canSetDefault={configureAll}
                    onSaved={(saved) => {
                      void message.success(current ? t('pool.settings.saved') : t('pool.settings.created', { name: saved.name }));
                      reload();
                      // A new pool stays open so its members, limits and rules can be set next.
                      setEditing({ pool: saved, tab: current ? editing.tab : 'members' });
                    }}
                  />
                ),
              },
              ...(current
                ? [
                    { key: 'members', label: <span data-testid="pool-tab-members">{t('pool.settings.tabMembers')}</span>, children: <MembersTab pool={current} people={people} /> },
                    { key: 'limits', label: <span data-testid="pool-tab-limits">{t('pool.settings.tabLimits')}</span>, children: <LimitsTab pool={current} people={people} /> },
                    { key: 'rules', label: <span data-testid="pool-tab-rules">{t('pool.settings.tabRules')}</span>, children: <RulesTab pool={current} /> },
                  ]
                : []),
            ]}
          />
        )}
      </Drawer>
    </>
  );
}

/** How the collusion report decides what looks suspicious. */
function CollusionSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [form] = Form.useForm<PoolSettings>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api<PoolSettings>('/pool/settings', { signal: controller.signal })
      .then((settings) => form.setFieldsValue(settings))
      .catch((error: unknown) => !controller.signal.aborted && onError(error));
    return () => controller.abort();
  }, [form, onError]);

  const save = async () => {
    let values: PoolSettings;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      form.setFieldsValue(await api<PoolSettings>('/pool/settings', { method: 'PUT', body: values }));
      void message.success(t('pool.settings.collusionSaved'));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof PoolSettings, label: string, min: number, max: number, testId: string) => (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item
        name={name}
        label={label}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'integer', min, max, message: t('pool.form.range', { min, max }) },
        ]}
      >
        <InputNumber precision={0} style={{ width: '100%' }} data-testid={testId} />
      </Form.Item>
    </Col>
  );

  return (
    <Card title={t('pool.settings.collusionTitle')} size="small" data-testid="pool-collusion-settings">
      <Typography.Paragraph type="secondary">{t('pool.settings.collusionHelp')}</Typography.Paragraph>
      <Form<PoolSettings> form={form} layout="vertical" onFinish={() => void save()}>
        <Row gutter={16}>
          {field('collusionGapHours', t('pool.settings.collusionGapHours'), 1, 24 * 90, 'pool-collusion-gap')}
          {field('collusionMinRecords', t('pool.settings.collusionMinRecords'), 1, 1000, 'pool-collusion-min')}
          {field('collusionLookbackDays', t('pool.settings.collusionLookbackDays'), 1, 3650, 'pool-collusion-days')}
          {field('circulationMinMoves', t('pool.settings.circulationMinMoves'), 2, 1000, 'pool-collusion-moves')}
        </Row>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="pool-collusion-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
