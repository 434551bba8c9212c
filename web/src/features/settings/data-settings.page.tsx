import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { customerFieldLabel, sourceLabel } from '../customers/customer.labels.ts';
import { formToSettings, moveItem, settingsToForm, type CustomerSettings, type FieldWeight, type SettingsForm, type SurvivorshipRule } from './data-settings.ts';

function weightLabel(t: TFunction, weight: FieldWeight): string {
  switch (weight) {
    case 'required':
      return t('dataSettings.weight.required');
    case 'wanted':
      return t('dataSettings.weight.wanted');
    case 'none':
      return t('dataSettings.weight.none');
  }
}

function ruleLabel(t: TFunction, rule: SurvivorshipRule): string {
  switch (rule) {
    case 'newest_non_empty':
      return t('dataSettings.rule.newest_non_empty');
    case 'most_trusted_source':
      return t('dataSettings.rule.most_trusted_source');
  }
}

/** The channels in trust order: most trusted on top; move, remove, add. */
function TrustList({ value = [], onChange }: { value?: string[]; onChange?: (value: string[]) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    const source = draft.trim();
    if (source && !value.includes(source)) onChange?.([...value, source]);
    setDraft('');
  };
  return (
    <Flex vertical gap={6} data-testid="settings-trust">
      {value.length === 0 && <Typography.Text type="secondary">{t('dataSettings.trustEmpty')}</Typography.Text>}
      {value.map((source, index) => (
        <Flex key={source} align="center" gap={6} data-testid="settings-trust-item">
          <Tag style={{ minWidth: 28, textAlign: 'center' }}>{index + 1}</Tag>
          <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis>
            {sourceLabel(t, source)}
            {sourceLabel(t, source) !== source && <Typography.Text type="secondary"> ({source})</Typography.Text>}
          </Typography.Text>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('dataSettings.moveUp')} onClick={() => onChange?.(moveItem(value, index, -1))} />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === value.length - 1}
            aria-label={t('dataSettings.moveDown')}
            onClick={() => onChange?.(moveItem(value, index, 1))}
          />
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => onChange?.(value.filter((other) => other !== source))} />
        </Flex>
      ))}
      <Flex gap={6}>
        <Input
          value={draft}
          maxLength={50}
          placeholder={t('dataSettings.trustPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={(e) => {
            e.preventDefault();
            add();
          }}
          data-testid="settings-trust-input"
        />
        <Button icon={<PlusOutlined />} onClick={add} data-testid="settings-trust-add">
          {t('dataSettings.add')}
        </Button>
      </Flex>
    </Flex>
  );
}

type FieldRow = { field: string };

export function DataSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [form] = Form.useForm<SettingsForm>();
  const [loaded, setLoaded] = useState<SettingsForm | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api<CustomerSettings>('/customer-settings').then((settings) => {
      const values = settingsToForm(settings);
      setLoaded(values);
      form.setFieldsValue(values);
    }, onError);
  }, [form, onError]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    // The whole store (every nested map), not only what validateFields names.
    const values = { ...loaded, ...form.getFieldsValue(true) } as SettingsForm;
    setSaving(true);
    try {
      const body = formToSettings(values);
      const saved = await api<CustomerSettings | undefined>('/customer-settings', { method: 'PUT', body });
      const next = settingsToForm(saved ?? body);
      setLoaded(next);
      form.setFieldsValue(next);
      void message.success(t('dataSettings.saved'));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  if (!loaded) return <Skeleton active data-testid="settings-loading" />;

  const templateFields = Object.keys(loaded.templates.person);
  const weightOptions = (['required', 'wanted', 'none'] as const).map((value) => ({ value, label: weightLabel(t, value) }));
  const ruleOptions = (['newest_non_empty', 'most_trusted_source'] as const).map((value) => ({ value, label: ruleLabel(t, value) }));

  const templateColumns: TableColumnsType<FieldRow> = [
    { title: t('dataSettings.field'), dataIndex: 'field', key: 'field', render: (field: string) => customerFieldLabel(t, field) },
    ...(['person', 'company'] as const).map((kind) => ({
      title: kind === 'person' ? t('customers.kind.person') : t('customers.kind.company'),
      key: kind,
      render: (_: unknown, row: FieldRow) => (
        <Form.Item name={['templates', kind, row.field]} noStyle>
          <Select options={weightOptions} style={{ width: 96 }} size="small" data-testid={`settings-template-${kind}-${row.field}`} />
        </Form.Item>
      ),
    })),
  ];

  const survivorshipColumns: TableColumnsType<FieldRow> = [
    { title: t('dataSettings.field'), dataIndex: 'field', key: 'field', render: (field: string) => customerFieldLabel(t, field) },
    {
      title: t('dataSettings.rule.title'),
      key: 'rule',
      render: (_: unknown, row) => (
        <Form.Item name={['survivorship', row.field]} noStyle>
          <Select options={ruleOptions} style={{ width: 160 }} size="small" popupMatchSelectWidth={false} data-testid={`settings-survivorship-${row.field}`} />
        </Form.Item>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('dataSettings.title')}
        extra={
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="settings-save">
            {t('common.save')}
          </Button>
        }
      />
      <Form<SettingsForm> form={form} layout="vertical" initialValues={loaded} data-testid="settings-form">
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('dataSettings.thresholds')} size="small">
              <Typography.Paragraph type="secondary">{t('dataSettings.thresholdsHelp')}</Typography.Paragraph>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={['thresholds', 'autoMergeAt']}
                    label={t('dataSettings.autoMergeAt')}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <InputNumber min={50} max={100} step={1} suffix="%" style={{ width: '100%' }} data-testid="settings-auto-merge" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={['thresholds', 'reviewAt']}
                    label={t('dataSettings.reviewAt')}
                    dependencies={[['thresholds', 'autoMergeAt']]}
                    rules={[
                      { required: true, message: t('validation.required') },
                      ({ getFieldValue }) => ({
                        validator: (_rule, value: number | null) =>
                          value === null || value === undefined || value <= (getFieldValue(['thresholds', 'autoMergeAt']) as number)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('dataSettings.reviewBelowAuto'))),
                      }),
                    ]}
                  >
                    <InputNumber min={30} max={100} step={1} suffix="%" style={{ width: '100%' }} data-testid="settings-review" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('dataSettings.sourceTrust')} size="small">
              <Typography.Paragraph type="secondary">{t('dataSettings.sourceTrustHelp')}</Typography.Paragraph>
              <Form.Item name="sourceTrust" noStyle>
                <TrustList />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('dataSettings.survivorship')} size="small">
              <Typography.Paragraph type="secondary">{t('dataSettings.survivorshipHelp')}</Typography.Paragraph>
              <Table<FieldRow>
                rowKey="field"
                size="small"
                columns={survivorshipColumns}
                dataSource={Object.keys(loaded.survivorship).map((field) => ({ field }))}
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="settings-survivorship"
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('dataSettings.templates')} size="small">
              <Typography.Paragraph type="secondary">{t('dataSettings.templatesHelp')}</Typography.Paragraph>
              <Table<FieldRow>
                rowKey="field"
                size="small"
                columns={templateColumns}
                dataSource={templateFields.map((field) => ({ field }))}
                pagination={false}
                scroll={{ x: 'max-content' }}
                data-testid="settings-templates"
              />
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}
