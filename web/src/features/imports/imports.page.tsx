import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../app/page-header.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { countLabel, importStatusColor, importStatusLabel, importTypeLabel } from './import.labels.ts';
import { COUNT_KEYS, type Import, type ImportCounts, type ImportStatus, type ImportType } from './import.types.ts';

function CountsText({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} wrap={false} data-testid="import-row-counts">
      {COUNT_KEYS.map((key) => (
        <Tooltip key={key} title={countLabel(t, key)}>
          <Typography.Text type={key === 'rejected' && counts.rejected > 0 ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {countLabel(t, key)} {counts[key]}
          </Typography.Text>
        </Tooltip>
      ))}
    </Flex>
  );
}

/** Import history, newest first. */
export function ImportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useCursorList<Import>('/imports', {});

  const columns: TableColumnsType<Import> = [
    { title: t('imports.field.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: t('imports.field.file'),
      dataIndex: 'fileName',
      key: 'fileName',
      render: (name: string, item) => (
        <Link to={`/imports/${item.id}`} onClick={(e) => e.stopPropagation()} data-testid="import-row-link">
          {name}
        </Link>
      ),
    },
    { title: t('imports.field.type'), dataIndex: 'type', key: 'type', responsive: ['sm'], render: (type: ImportType) => importTypeLabel(t, type) },
    { title: t('imports.field.channel'), dataIndex: 'channel', key: 'channel', responsive: ['sm'] },
    {
      title: t('imports.field.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: ImportStatus) => (
        <Tag color={importStatusColor(status)} data-testid="import-row-status" data-status={status}>
          {importStatusLabel(t, status)}
        </Tag>
      ),
    },
    { title: t('imports.field.counts'), dataIndex: 'counts', key: 'counts', responsive: ['md'], render: (counts: ImportCounts) => <CountsText counts={counts} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('imports.historyTitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} data-testid="imports-reload">
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/imports/new')} data-testid="imports-new">
              {t('imports.new')}
            </Button>
          </>
        }
      />
      <Table<Import>
        rowKey="id"
        size="middle"
        data-testid="imports-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('imports.empty') }}
        onRow={(item) =>
          ({ 'data-testid': 'import-row', 'data-import-id': item.id, onClick: () => void navigate(`/imports/${item.id}`), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>
        }
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
