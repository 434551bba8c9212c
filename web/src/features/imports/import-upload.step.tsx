import { InboxOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Form, Radio, Select, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, fetchAll } from '../../app/api.ts';
import { applyFieldErrors, useErrorHandler } from '../../app/use-error-handler.ts';
import { importProblemText, importTypeLabel } from './import.labels.ts';
import { IMPORT_TYPES, type ImportPreview, type ImportTemplate, type ImportType } from './import.types.ts';

type UploadForm = { type: ImportType; channel: string; template?: string; file?: UploadFile[] };

/** Channels people usually import from; any other name may be typed. */
const CHANNEL_SUGGESTIONS = ['天猫店铺', '京东店铺', '抖音小店', 'ERP', '经销商', '外呼名单', '展会'];

export type UploadedFile = { preview: ImportPreview; type: ImportType; channel: string };

/** Step 1: what the file holds, where it comes from, an optional saved mapping, and the file itself. */
export function ImportUploadStep({ onUploaded }: { onUploaded(result: UploadedFile): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<UploadForm>();
  const [templates, setTemplates] = useState<ImportTemplate[]>([]);
  const [uploading, setUploading] = useState(false);
  const type = Form.useWatch('type', form) ?? 'customers';

  useEffect(() => {
    fetchAll<ImportTemplate>('/import-templates').then(setTemplates, onError);
  }, [onError]);

  const templateOptions = useMemo(
    () => templates.filter((template) => template.type === type).map((template) => ({ value: template.name, label: template.name })),
    [templates, type],
  );

  const submit = async () => {
    let values: UploadForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const file = values.file?.[0]?.originFileObj;
    if (!file) return;
    const data = new FormData();
    data.append('file', file, file.name);
    setUploading(true);
    try {
      const preview = await api<ImportPreview>('/imports', {
        method: 'POST',
        form: data,
        query: { type: values.type, channel: values.channel.trim(), template: values.template },
      });
      onUploaded({ preview, type: values.type, channel: values.channel.trim() });
    } catch (error) {
      if (error instanceof ApiError && error.status === 413) {
        form.setFields([{ name: 'file', errors: [t('imports.problem.too_large')] }]);
      } else if (error instanceof ApiError && Object.keys(error.fields).length) {
        const fields = Object.fromEntries(Object.entries(error.fields).map(([key, message]) => [key, importProblemText(t, message)]));
        const unmatched = applyFieldErrors(form, fields);
        if (unmatched.length) onError(error);
      } else {
        onError(error, form);
      }
    } finally {
      setUploading(false);
    }
  };

  return (
    <Form<UploadForm>
      form={form}
      layout="vertical"
      initialValues={{ type: 'customers', channel: '' }}
      data-testid="import-upload-form"
      style={{ maxWidth: 640 }}
      onValuesChange={(changed: Partial<UploadForm>) => {
        // A template saved under the channel's name is that channel's usual mapping: offer it.
        if (changed.channel !== undefined && !form.getFieldValue('template')) {
          const match = templates.find((template) => template.type === type && template.name === changed.channel?.trim());
          if (match) form.setFieldValue('template', match.name);
        }
        if (changed.type) form.setFieldValue('template', undefined);
      }}
    >
      <Form.Item name="type" label={t('imports.field.type')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group
          optionType="button"
          data-testid="import-type"
          options={IMPORT_TYPES.map((value) => ({ value, label: importTypeLabel(t, value) }))}
        />
      </Form.Item>
      <Form.Item
        name="channel"
        label={t('imports.field.channel')}
        extra={t('imports.channelHelp')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <AutoComplete
          data-testid="import-channel"
          options={CHANNEL_SUGGESTIONS.map((value) => ({ value }))}
          placeholder={t('imports.channelPlaceholder')}
          maxLength={50}
          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        />
      </Form.Item>
      <Form.Item name="template" label={t('imports.field.template')} extra={t('imports.templateHelp')}>
        <Select
          allowClear
          data-testid="import-template"
          placeholder={t('imports.noTemplate')}
          options={templateOptions}
          notFoundContent={t('imports.noTemplates')}
        />
      </Form.Item>
      <Form.Item
        name="file"
        label={t('imports.field.file')}
        valuePropName="fileList"
        getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
        rules={[{ required: true, message: t('imports.problem.required') }]}
      >
        <Upload.Dragger
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          multiple={false}
          beforeUpload={() => false}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.dropHint')}</p>
          <Typography.Paragraph type="secondary" className="ant-upload-hint" style={{ paddingInline: 12 }}>
            {t('imports.fileHint')}
          </Typography.Paragraph>
        </Upload.Dragger>
      </Form.Item>
      <Flex justify="end">
        <Button type="primary" loading={uploading} onClick={() => void submit()} data-testid="import-upload-submit">
          {t('imports.uploadAndMap')}
        </Button>
      </Flex>
    </Form>
  );
}
