import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { formatTime } from './pool-bits.tsx';
import type { RecycleRun } from './pool.types.ts';

/** Recent recycle runs (the nightly one and manual ones) and a button to run it now. */
export function RecycleRunsDrawer({ open, onClose, onRan }: { open: boolean; onClose(): void; onRan(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [runs, setRuns] = useState<RecycleRun[]>([]);
  const [loading, setLoading] = useState(false);
  const [running, setRunning] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api<RecycleRun[]>('/pool/runs')
      .then(setRuns)
      .catch(onError)
      .finally(() => setLoading(false));
  }, [onError]);
  useEffect(() => {
    if (open) load();
  }, [open, load]);

  const run = async () => {
    setRunning(true);
    try {
      const result = await api<RecycleRun>('/pool/recycle/run', { method: 'POST' });
      void message.success(t('pool.runs.done', { fell: result.fell, warned: result.warned }));
      load();
      onRan();
    } catch (error) {
      onError(error);
    } finally {
      setRunning(false);
    }
  };

  const columns: TableColumnsType<RecycleRun> = [
    { title: t('pool.runs.startedAt'), dataIndex: 'startedAt', render: (v: string) => formatTime(v) },
    { title: t('pool.runs.trigger'), dataIndex: 'trigger', render: (v: RecycleRun['trigger']) => <Tag>{v === 'manual' ? t('pool.runs.manual') : t('pool.runs.schedule')}</Tag> },
    { title: t('pool.runs.fell'), dataIndex: 'fell', align: 'right' },
    { title: t('pool.runs.warned'), dataIndex: 'warned', align: 'right' },
    {
      title: t('pool.runs.status'),
      dataIndex: 'finishedAt',
      render: (v: string | null) => (v ? <Typography.Text type="secondary">{formatTime(v)}</Typography.Text> : <Tag color="processing">{t('pool.runs.running')}</Tag>),
    },
  ];

  return (
    <Drawer open={open} onClose={onClose} title={t('pool.runs.title')} size="large" destroyOnHidden data-testid="pool-runs-drawer">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('pool.runs.help')}
        </Typography.Paragraph>
        <Popconfirm title={t('pool.runs.confirm')} okText={t('pool.runs.run')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'confirm-ok' }} onConfirm={() => void run()}>
          <Button type="primary" icon={<SyncOutlined />} loading={running} style={{ alignSelf: 'flex-start' }} data-testid="pool-run-recycle">
            {t('pool.runs.run')}
          </Button>
        </Popconfirm>
        <Table<RecycleRun> rowKey="id" size="small" loading={loading} columns={columns} dataSource={runs} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('pool.runs.empty') }} data-testid="pool-runs" />
      </Flex>
    </Drawer>
  );
}
