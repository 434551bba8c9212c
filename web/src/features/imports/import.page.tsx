import { DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Progress, Result, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError, apiUrl } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { isRunning } from './import-mapping.ts';
import { ImportSteps } from './import-steps.tsx';
import { countLabel, fileSizeText, importStatusColor, importStatusLabel, importTypeLabel, targetLabel } from './import.labels.ts';
import { COUNT_KEYS, type Import, type ImportCounts } from './import.types.ts';

const POLL_MS = 1000;
const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—');

const COUNT_COLORS: Record<keyof ImportCounts, string | undefined> = {
  read: undefined,
  created: '#3f8600',
  updated: '#1677ff',
  merged: '#722ed1',
  rejected: '#cf1322',
};

export function ImportCountsRow({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="import-counts">
      {COUNT_KEYS.map((key) => (
        <Col key={key} xs={8} sm={8} md={4}>
          <Statistic
            title={countLabel(t, key)}
            value={counts[key]}
            styles={{ content: { color: COUNT_COLORS[key], fontSize: 22 } }}
            data-testid={`import-count-${key}`}
            data-value={counts[key]}
          />
        </Col>
      ))}
    </Row>
  );
}

/** Step 3: the import's progress (polled every second while it runs), then its report, rejected rows and revert. */
export function ImportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [item, setItem] = useState<Import | null>(null);
  const [missing, setMissing] = useState(false);
  const [reverting, setReverting] = useState(false);
  // Known when we come straight from the wizard (the upload counted the rows); not when coming back later.
  const lineCount = (useLocation().state as { lineCount?: number | null } | null)?.lineCount ?? null;

  const running = item ? isRunning(item.status) : false;

  // Load once, then poll while the import is queued or running; leaving the page stops the polling.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const load = () => {
      api<Import>(`/imports/${id}`, { signal: controller.signal })
        .then((next) => {
          setItem(next);
          if (isRunning(next.status)) timer = setTimeout(load, POLL_MS);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError && (error.status === 404 || error.code === 'validation_failed')) return setMissing(true);
          onError(error);
          timer = setTimeout(load, POLL_MS * 5); // a hiccup: keep trying, more slowly
        });
    };
    load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, onError]);

  const revert = async () => {
    setReverting(true);
    try {
      setItem(await api<Import>(`/imports/${id}/revert`, { method: 'POST' }));
      void message.success(t('imports.reverted'));
    } catch (error) {
      onError(error);
    } finally {
      setReverting(false);
    }
  };

  if (missing) return <Result status="404" title="404" subTitle={t('imports.notFound')} extra={<Link to="/imports">{t('imports.historyTitle')}</Link>} />;
  if (!item || item.id !== id) return <Skeleton active data-testid="import-loading" />;

  const finished = item.status === 'done' || item.status === 'failed' || item.status === 'reverted';
  const mapped = Object.entries(item.mapping);

  return (
    <div data-testid="import-page" data-status={item.status}>
      <PageHeader
        title={t('imports.title', { name: item.fileName })}
        extra={
          <>
            <Link to="/imports">
              <Button data-testid="import-history-link">{t('imports.historyTitle')}</Button>
            </Link>
            <Link to="/imports/new">
              <Button data-testid="import-new-link">{t('imports.new')}</Button>
            </Link>
          </>
        }
      />
      <ImportSteps current={2} />
      <Flex vertical gap={16}>
        <Card>
          <Flex vertical gap={16}>
            <Flex align="center" gap={8} wrap>
              <Tag color={importStatusColor(item.status)} data-testid="import-status" data-status={item.status}>
                {importStatusLabel(t, item.status)}
              </Tag>
              {running && <Typography.Text type="secondary">{t('imports.leaveHint')}</Typography.Text>}
            </Flex>
            {running && (
              <div data-testid="import-progress">
                {/* With a row count from the upload the bar is measured; without one it only moves, beside the live counts. */}
                {lineCount ? (
                  <Progress percent={Math.min(99, Math.floor((item.counts.read / lineCount) * 100))} status="active" />
                ) : (
                  <Progress percent={100} status="active" showInfo={false} />
                )}
                <Typography.Text type="secondary">{t('imports.doneLine', { line: item.doneLine })}</Typography.Text>
              </div>
            )}
            {item.status === 'draft' && <Alert type="info" showIcon title={t('imports.draftHint')} action={<Link to="/imports/new">{t('imports.new')}</Link>} />}
            {item.status === 'failed' && (
              <Alert type="error" showIcon title={t('imports.failed')} description={item.error ?? undefined} data-testid="import-error" />
            )}
            {item.status === 'reverted' && <Alert type="warning" showIcon title={t('imports.revertedHint')} data-testid="import-reverted" />}
            {item.status === 'done' && <Alert type="success" showIcon title={t('imports.doneHint')} data-testid="import-done" />}
            <ImportCountsRow counts={item.counts} />
            {finished && (
              <Flex gap={8} wrap data-testid="import-report-actions">
                {item.counts.rejected > 0 && (
                  <Button icon={<DownloadOutlined />} href={apiUrl(`/imports/${item.id}/rejects.csv`)} download data-testid="import-rejects-download">
                    {t('imports.downloadRejects', { count: item.counts.rejected })}
                  </Button>
                )}
                {(item.status === 'done' || item.status === 'failed') && (
                  <Popconfirm
                    title={t('imports.confirmRevert')}
                    description={t('imports.confirmRevertHelp')}
                    okText={t('imports.revert')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                    onConfirm={revert}
                  >
                    <Button danger icon={<RollbackOutlined />} loading={reverting} data-testid="import-revert">
                      {t('imports.revert')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            )}
          </Flex>
        </Card>
        <Card size="small" title={t('imports.details')}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            data-testid="import-details"
            items={[
              { key: 'file', label: t('imports.field.file'), children: `${item.fileName} (${fileSizeText(item.fileSize)})` },
              { key: 'type', label: t('imports.field.type'), children: importTypeLabel(t, item.type) },
              { key: 'channel', label: t('imports.field.channel'), children: item.channel },
              { key: 'encoding', label: t('imports.field.encoding'), children: item.encoding ?? '—' },
              { key: 'createdAt', label: t('imports.field.createdAt'), children: formatTime(item.createdAt) },
              { key: 'finishedAt', label: t('imports.field.finishedAt'), children: formatTime(item.finishedAt) },
              {
                key: 'mapping',
                label: t('imports.field.mapping'),
                span: 'filled',
                children: mapped.length ? (
                  <Flex wrap gap={4}>
                    {mapped.map(([header, target]) => (
                      <Tag key={header} style={{ marginInlineEnd: 0 }}>
                        {header} → {targetLabel(t, target)}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Card>
      </Flex>
    </div>
  );
}
