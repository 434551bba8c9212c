import { Alert, Button, Flex, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { columnSample, duplicateTargets, hasKeyColumn, IGNORE, initialChoices, mappingOf, targetsOf } from './import-mapping.ts';
import { importProblemText, importTypeLabel, missingKeyText, targetLabel } from './import.labels.ts';
import type { Import } from './import.types.ts';
import type { UploadedFile } from './import-upload.step.tsx';

type Row = { index: number; header: string };
type SampleRow = { key: number; cells: string[] };

/** Step 2: a target field per file column (guessed by the server, editable), the sample rows, and "save as template". */
export function ImportMappingStep({ uploaded, onBack, onStarted }: { uploaded: UploadedFile; onBack(): void; onStarted(started: Import): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const { preview, type, channel } = uploaded;
  const [choices, setChoices] = useState(() => initialChoices(preview.headers, preview.mapping, type));
  const [saveAs, setSaveAs] = useState('');
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const twice = duplicateTargets(choices);
  const keyColumn = hasKeyColumn(choices, type);

  const options = useMemo(
    () => [IGNORE, ...targetsOf(type)].map((target) => ({ value: target, label: targetLabel(t, target) })),
    [type, t],
  );

  const ready = keyColumn && twice.size === 0;

  const start = async () => {
    if (!ready) return;
    setStarting(true);
    setProblem(null);
    try {
      const body: { mapping: Record<string, string>; saveTemplateAs?: string } = { mapping: mappingOf(preview.headers, choices) };
      if (saveAs.trim()) body.saveTemplateAs = saveAs.trim();
      onStarted(await api<Import>(`/imports/${preview.importId}/start`, { method: 'POST', body }));
    } catch (error) {
      const fields = error instanceof ApiError ? Object.values(error.fields) : [];
      if (fields.length) setProblem(fields.map((message) => importProblemText(t, message)).join('；'));
      else onError(error);
    } finally {
      setStarting(false);
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: t('imports.mapping.header'), dataIndex: 'header', key: 'header', render: (header: string) => <Typography.Text strong>{header || '—'}</Typography.Text> },
    {
      title: t('imports.mapping.target'),
      key: 'target',
      render: (_: unknown, row) => {
        const choice = choices[row.index] ?? IGNORE;
        return (
          <Select
            value={choice}
            options={options}
            style={{ width: 170 }}
            status={twice.has(choice) ? 'error' : undefined}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            data-testid="import-mapping-select"
            data-header={row.header}
            data-value={choice}
            onChange={(value: string) => setChoices((previous) => previous.map((old, i) => (i === row.index ? value : old)))}
          />
        );
      },
    },
    {
      title: t('imports.mapping.sample'),
      key: 'sample',
      render: (_: unknown, row) => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {columnSample(preview.sample, row.index).join(' · ') || '—'}
        </Typography.Text>
      ),
    },
  ];

  const sampleColumns: TableColumnsType<SampleRow> = preview.headers.map((header, index) => ({
    title: (
      <Flex vertical>
        <span>{header}</span>
        <Typography.Text type={choices[index] === IGNORE ? 'secondary' : 'success'} style={{ fontSize: 12, fontWeight: 'normal' }}>
          {targetLabel(t, choices[index] ?? IGNORE)}
        </Typography.Text>
      </Flex>
    ),
    key: String(index),
    render: (_: unknown, row) => row.cells[index] ?? '',
  }));

  return (
    <Flex vertical gap={16} data-testid="import-mapping">
      <Flex wrap gap={8} align="center">
        <Tag color="blue">{importTypeLabel(t, type)}</Tag>
        <Typography.Text>{t('imports.field.channel')}: {channel}</Typography.Text>
        <Typography.Text data-testid="import-encoding">
          {t('imports.field.encoding')}: <Tag>{preview.encoding}</Tag>
        </Typography.Text>
        {preview.template && (
          <Typography.Text>
            {t('imports.field.template')}: <Tag color="green">{preview.template}</Tag>
          </Typography.Text>
        )}
      </Flex>
      {preview.unmappedHeaders.length > 0 && (
        <Alert type="info" showIcon title={t('imports.mapping.unmapped', { headers: preview.unmappedHeaders.join('、') })} data-testid="import-unmapped" />
      )}
      {!keyColumn && (
        <Alert
          type="error"
          showIcon
          title={missingKeyText(t, type)}
          data-testid="import-mapping-error"
        />
      )}
      {twice.size > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('imports.mapping.duplicateTargets', { fields: [...twice].map((target) => targetLabel(t, target)).join('、') })}
          data-testid="import-mapping-duplicates"
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} data-testid="import-start-error" />}
      <Table<Row>
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={preview.headers.map((header, index) => ({ index, header }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="import-mapping-table"
      />
      <div>
        <Typography.Title level={5}>{t('imports.mapping.sampleRows', { count: preview.sample.length })}</Typography.Title>
        <Table<SampleRow>
          rowKey="key"
          size="small"
          columns={sampleColumns}
          dataSource={preview.sample.map((cells, key) => ({ key, cells }))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="import-sample-table"
        />
      </div>
      <Form layout="vertical" style={{ maxWidth: 420 }} onFinish={() => void start()}>
        <Form.Item label={t('imports.mapping.saveAs')} extra={t('imports.mapping.saveAsHelp')}>
          <Input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} maxLength={100} placeholder={channel} data-testid="import-save-template" />
        </Form.Item>
      </Form>
      <Flex justify="space-between" gap={8} wrap>
        <Button onClick={onBack} data-testid="import-back">
          {t('imports.back')}
        </Button>
        <Button type="primary" disabled={!ready} loading={starting} onClick={() => void start()} data-testid="import-start">
          {t('imports.start')}
        </Button>
      </Flex>
    </Flex>
  );
}
