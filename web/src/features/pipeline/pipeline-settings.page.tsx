import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { usePipelines } from './pipeline.api.ts';
import type { Pipeline, Stage, StageKind } from './pipeline.types.ts';

const KINDS: StageKind[] = ['open', 'won', 'lost'];

/** Pipelines and their stages: name, probability, order and kind (sales.configure). */
export function PipelineSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { pipelines, setPipelines, loading, reload } = usePipelines();
  const [newName, setNewName] = useState<string | null>(null);

  const save = async (request: Promise<Pipeline | null>) => {
    try {
      const next = await request;
      if (next) setPipelines((list) => list.map((p) => (p.id === next.id ? next : p)));
      void message.success(t('pipeline.saved'));
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'stage_not_empty' || error.code === 'pipeline_not_empty')) {
        void message.error(error.message);
        return;
      }
      onError(error);
    }
  };
  const patchStage = (p: Pipeline, s: Stage, body: Partial<Stage>) => save(api<Pipeline>(`/pipelines/${p.id}/stages/${s.id}`, { method: 'PATCH', body }));
  const move = (p: Pipeline, index: number, delta: number) => {
    const ids = p.stages.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id!);
    return save(api<Pipeline>(`/pipelines/${p.id}/stages/order`, { method: 'PUT', body: { stageIds: ids } }));
  };

  return (
    <>
      <PageHeader
        title={t('pipeline.settings.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setNewName('')} data-testid="pipeline-create">
            {t('pipeline.settings.create')}
          </Button>
        }
      />
      {!loading && pipelines.length === 0 && <Empty />}
      <Flex vertical gap={16}>
        {pipelines.map((p) => (
          <Card
            key={p.id}
            data-testid="pipeline-card"
            title={
              <Flex gap={8} align="center">
                <Typography.Text
                  editable={{ onChange: (name) => name.trim() && name !== p.name && void save(api<Pipeline>(`/pipelines/${p.id}`, { method: 'PATCH', body: { name: name.trim() } })) }}
                >
                  {p.name}
                </Typography.Text>
                {p.isDefault && <Tag color="blue">{t('pipeline.settings.default')}</Tag>}
              </Flex>
            }
            extra={
              <Space wrap>
                {!p.isDefault && (
                  <Button size="small" icon={<StarOutlined />} onClick={() => void save(api<Pipeline>(`/pipelines/${p.id}`, { method: 'PATCH', body: { isDefault: true } })).then(reload)}>
                    {t('pipeline.settings.makeDefault')}
                  </Button>
                )}
                <Button size="small" icon={<PlusOutlined />} onClick={() => void save(api<Pipeline>(`/pipelines/${p.id}/stages`, { method: 'POST', body: { name: t('pipeline.settings.newStage'), probability: 50, kind: 'open' } }))} data-testid="stage-add">
                  {t('pipeline.settings.addStage')}
                </Button>
                <Popconfirm title={t('pipeline.settings.deleteConfirm')} onConfirm={() => void save(api<null>(`/pipelines/${p.id}`, { method: 'DELETE' }).then(() => null)).then(reload)}>
                  <Button size="small" danger icon={<DeleteOutlined />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            }
          >
            <Table<Stage>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.stages}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('pipeline.settings.stageName'),
                  dataIndex: 'name',
                  render: (name: string, s) => (
                    <Typography.Text editable={{ onChange: (next) => next.trim() && next !== name && void patchStage(p, s, { name: next.trim() }) }} data-testid="stage-name">
                      {name}
                    </Typography.Text>
                  ),
                },
                {
                  title: t('pipeline.settings.probability'),
                  dataIndex: 'probability',
                  render: (value: number, s) => (
                    <InputNumber key={`${s.id}-${value}`} min={0} max={100} defaultValue={value} suffix="%" style={{ width: 100 }} onBlur={(e) => {
                      const next = Number(e.target.value.replace('%', ''));
                      if (Number.isInteger(next) && next !== value) void patchStage(p, s, { probability: next });
                    }} />
                  ),
                },
                {
                  title: t('pipeline.settings.kind'),
                  dataIndex: 'kind',
                  render: (kind: StageKind, s) => (
                    <Select<StageKind> value={kind} style={{ width: 110 }} onChange={(next) => void patchStage(p, s, { kind: next })} options={KINDS.map((k) => ({ value: k, label: t(`pipeline.kind.${k}`) }))} />
                  ),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, s, index) => (
                    <Space>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => void move(p, index, -1)} aria-label={t('pipeline.settings.up')} />
                      <Button size="small" icon={<ArrowDownOutlined />} disabled={index === p.stages.length - 1} onClick={() => void move(p, index, 1)} aria-label={t('pipeline.settings.down')} />
                      <Popconfirm title={t('pipeline.settings.deleteStageConfirm')} onConfirm={() => void save(api<Pipeline>(`/pipelines/${p.id}/stages/${s.id}`, { method: 'DELETE' }))}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        ))}
      </Flex>
      <Modal
        open={newName !== null}
        title={t('pipeline.settings.create')}
        onCancel={() => setNewName(null)}
        okButtonProps={{ disabled: !newName?.trim() }}
        onOk={() => {
          const name = newName?.trim();
          if (!name) return;
          setNewName(null);
          void save(api<Pipeline>('/pipelines', { method: 'POST', body: { name } }).then(() => null)).then(reload);
        }}
      >
        <Input value={newName ?? ''} onChange={(e) => setNewName(e.target.value)} placeholder={t('pipeline.settings.namePlaceholder')} maxLength={100} data-testid="pipeline-name" />
      </Modal>
    </>
  );
}
