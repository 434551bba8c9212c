import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { usePipelines } from './pipeline.api.ts';
import type { Pipeline, Stage, StageKind } from './pipeline.types.ts';

const KINDS: StageKind[] = ['open', 'won', 'lost'];

/**
 * A stage's win probability, saved when the field is left or Enter is pressed. A cleared field goes
 * back to the saved value (it is not a 0), and so does one the server refused.
 */
function ProbabilityInput({ value, onSave }: { value: number; onSave(next: number): Promise<boolean> }) {
  const [draft, setDraft] = useState<number | null>(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft === null || !Number.isInteger(draft) || draft < 0 || draft > 100) return setDraft(value);
    if (draft === value) return;
    void onSave(draft).then((saved) => {
      if (!saved) setDraft(value);
    });
  };
  return (
    <InputNumber<number>
      min={0}
      max={100}
      precision={0}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onPressEnter={commit}
      suffix="%"
      style={{ width: 100 }}
      data-testid="stage-probability"
    />
  );
}

/** Pipelines and their stages: name, probability, order and kind (sales.configure). */
export function PipelineSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const { pipelines, setPipelines, loading, reload } = usePipelines();
  const [newName, setNewName] = useState<string | null>(null);

  /** Runs a change and shows the pipeline as the server answered; true when it was saved. */
  const save = async (request: Promise<Pipeline | null>): Promise<boolean> => {
    try {
      const next = await request;
      if (next) setPipelines((list) => list.map((p) => (p.id === next.id ? next : p)));
      void message.success(t('pipeline.saved'));
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'stage_not_empty' || error.code === 'pipeline_not_empty')) {
        void message.error(error.message);
      } else {
        onError(error);
      }
      return false;
    }
  };
  const createPipeline = () => {
    const name = newName?.trim();
    if (!name) return;
    setNewName(null);
    void save(api<Pipeline>('/pipelines', { method: 'POST', body: { name } }).then(() => null)).then(reload);
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
            data-pipeline-name={p.name}
            title={
              <Flex gap={8} align="center">
                <Typography.Text
                  data-testid="pipeline-title"
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
                  <Button size="small" icon={<StarOutlined />} data-testid="pipeline-make-default" onClick={() => void save(api<Pipeline>(`/pipelines/${p.id}`, { method: 'PATCH', body: { isDefault: true } })).then(reload)}>
                    {t('pipeline.settings.makeDefault')}
                  </Button>
                )}
                <Button size="small" icon={<PlusOutlined />} onClick={() => void save(api<Pipeline>(`/pipelines/${p.id}/stages`, { method: 'POST', body: { name: t('pipeline.settings.newStage'), probability: 50, kind: 'open' } }))} data-testid="stage-add">
                  {t('pipeline.settings.addStage')}
                </Button>
                <Popconfirm title={t('pipeline.settings.deleteConfirm')} okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }} onConfirm={() => void save(api<null>(`/pipelines/${p.id}`, { method: 'DELETE' }).then(() => null)).then(reload)}>
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid="pipeline-delete">
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
              onRow={(s) => ({ 'data-testid': 'stage-row', 'data-stage-name': s.name }) as HTMLAttributes<HTMLElement>}
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
                  render: (value: number, s) => <ProbabilityInput value={value} onSave={(probability) => patchStage(p, s, { probability })} />,
                },
                {
                  title: t('pipeline.settings.kind'),
                  dataIndex: 'kind',
                  render: (kind: StageKind, s) => (
                    <Select<StageKind> value={kind} style={{ width: 110 }} data-testid="stage-kind" onChange={(next) => void patchStage(p, s, { kind: next })} options={KINDS.map((k) => ({ value: k, label: t(`pipeline.kind.${k}`) }))} />
                  ),
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, s, index) => (
                    <Space>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => void move(p, index, -1)} aria-label={t('pipeline.settings.up')} data-testid="stage-up" />
                      <Button size="small" icon={<ArrowDownOutlined />} disabled={index === p.stages.length - 1} onClick={() => void move(p, index, 1)} aria-label={t('pipeline.settings.down')} data-testid="stage-down" />
                      <Popconfirm title={t('pipeline.settings.deleteStageConfirm')} okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }} onConfirm={() => void save(api<Pipeline>(`/pipelines/${p.id}/stages/${s.id}`, { method: 'DELETE' }))}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="stage-delete" />
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
        okButtonProps={{ disabled: !newName?.trim(), 'data-testid': 'pipeline-create-submit' }}
        onOk={createPipeline}
        destroyOnHidden
      >
        <Input
          value={newName ?? ''}
          onChange={(e) => setNewName(e.target.value)}
          onPressEnter={createPipeline}
          placeholder={t('pipeline.settings.namePlaceholder')}
          maxLength={100}
          autoFocus
          data-testid="pipeline-name"
        />
      </Modal>
    </>
  );
}
