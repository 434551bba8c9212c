import { Alert, Button, Checkbox, Col, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { EMPTY_ENTRY, entryConditionOf, entryListsOf } from './pool.format.ts';
import { recordTypeLabel } from './pool.labels.ts';
import { RECORD_TYPES, type Pool, type PoolBody } from './pool.types.ts';

type Values = {
  name: string;
  description?: string | null;
  isDefault: boolean;
  levels: string[];
  dailyClaimLimit: number;
  privateCap: number;
  capCountsWon: boolean;
  claimWaitMinutes: number;
  protectionDays: number;
  warnDays: number;
  exemptWon: boolean;
  exemptOpenProbability: number | null;
  exemptLiveContract: boolean;
  recordTypes: string[];
  provinces: string[];
  industries: string[];
  sources: string[];
};

/** The same limits as the server's schema, so most mistakes are caught before the request. */
const whole = (t: TFunction, min: number, max: number, required = true): Rule[] => [
  ...(required ? [{ required: true, message: t('validation.required') }] : []),
  { type: 'integer', min, max, message: t('pool.form.range', { min, max }) },
];

const DEFAULTS: Values = {
  name: '',
  description: '',
  isDefault: false,
  levels: ['A', 'B', 'C'],
  dailyClaimLimit: 20,
  privateCap: 200,
  capCountsWon: false,
  claimWaitMinutes: 0,
  protectionDays: 7,
  warnDays: 2,
  exemptWon: true,
  exemptOpenProbability: null,
  exemptLiveContract: true,
  ...EMPTY_ENTRY,
};

function valuesOf(pool: Pool | null): Values {
  if (!pool) return DEFAULTS;
  const lists = entryListsOf(pool.entryCondition) ?? EMPTY_ENTRY;
  return {
    name: pool.name,
    description: pool.description ?? '',
    isDefault: pool.isDefault,
    levels: pool.levels,
    dailyClaimLimit: pool.dailyClaimLimit,
    privateCap: pool.privateCap,
    capCountsWon: pool.capCountsWon,
    claimWaitMinutes: pool.claimWaitMinutes,
    protectionDays: pool.protectionDays,
    warnDays: pool.warnDays,
    exemptWon: pool.exemptWon,
    exemptOpenProbability: pool.exemptOpenProbability,
    exemptLiveContract: pool.exemptLiveContract,
    ...lists,
  };
}

const tags = (testId: string, placeholder?: string) => <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} placeholder={placeholder} data-testid={testId} />;

/** A pool's own settings: name, levels, limits, the recycle timing and exemptions, and which records enter it. */
export function PoolForm({ pool, canSetDefault, onSaved }: { pool: Pool | null; canSetDefault: boolean; onSaved(pool: Pool): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // A condition the simple lists cannot show is kept as it is unless the admin replaces it.
  const [customCondition, setCustomCondition] = useState(false);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(valuesOf(pool));
    setCustomCondition(pool !== null && entryListsOf(pool.entryCondition) === null);
  }, [pool, form]);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body: PoolBody = {
      name: values.name.trim(),
      description: values.description?.trim() || null,
      levels: values.levels.map((l) => l.trim()).filter(Boolean),
      dailyClaimLimit: values.dailyClaimLimit,
      privateCap: values.privateCap,
      capCountsWon: values.capCountsWon,
      claimWaitMinutes: values.claimWaitMinutes,
      protectionDays: values.protectionDays,
      warnDays: values.warnDays,
      exemptWon: values.exemptWon,
      exemptOpenProbability: values.exemptOpenProbability ?? null,
      exemptLiveContract: values.exemptLiveContract,
      ...(canSetDefault ? { isDefault: values.isDefault } : {}),
      ...(customCondition ? {} : { entryCondition: entryConditionOf(values) }),
    };
    setSaving(true);
    try {
      onSaved(pool ? await api<Pool>(`/pools/${pool.id}`, { method: 'PATCH', body }) : await api<Pool>('/pools', { method: 'POST', body }));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={DEFAULTS} data-testid="pool-form" onFinish={() => void save()}>
      <Form.Item name="name" label={t('pool.form.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 80 }]}>
        <Input maxLength={80} data-testid="pool-form-name" />
      </Form.Item>
      <Form.Item name="description" label={t('pool.form.description')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="pool-form-description" />
      </Form.Item>
      {canSetDefault && (
        <Form.Item name="isDefault" label={t('pool.form.isDefault')} valuePropName="checked" extra={t('pool.form.isDefaultHelp')}>
          <Switch disabled={pool?.isDefault} data-testid="pool-form-default" />
        </Form.Item>
      )}
      <Form.Item
        name="levels"
        label={t('pool.form.levels')}
        extra={t('pool.form.levelsHelp')}
        rules={[
          { required: true, type: 'array', min: 1, max: 10, message: t('pool.form.levelsCount') },
          { validator: async (_, value: string[] | undefined) => ((value ?? []).some((l) => l.trim().length > 16) ? Promise.reject(new Error(t('pool.form.levelTooLong'))) : undefined) },
        ]}
      >
        {tags('pool-form-levels')}
      </Form.Item>

      <Divider titlePlacement="start">{t('pool.form.limits')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="dailyClaimLimit" label={t('pool.form.dailyClaimLimit')} rules={whole(t, 0, 10_000)}>
            <InputNumber precision={0} style={{ width: '100%' }} data-testid="pool-form-daily-limit" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="privateCap" label={t('pool.form.privateCap')} rules={whole(t, 0, 1_000_000)}>
            <InputNumber precision={0} style={{ width: '100%' }} data-testid="pool-form-private-cap" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="capCountsWon" valuePropName="checked">
        <Checkbox data-testid="pool-form-cap-counts-won">{t('pool.form.capCountsWon')}</Checkbox>
      </Form.Item>

      <Divider titlePlacement="start">{t('pool.form.timing')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="claimWaitMinutes" label={t('pool.form.claimWaitMinutes')} extra={t('pool.form.claimWaitHelp')} rules={whole(t, 0, 60 * 24 * 30)}>
            <InputNumber precision={0} style={{ width: '100%' }} data-testid="pool-form-claim-wait" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="protectionDays" label={t('pool.form.protectionDays')} extra={t('pool.form.protectionHelp')} rules={whole(t, 0, 365)}>
            <InputNumber precision={0} style={{ width: '100%' }} data-testid="pool-form-protection-days" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="warnDays" label={t('pool.form.warnDays')} extra={t('pool.form.warnHelp')} rules={whole(t, 0, 60)}>
            <InputNumber precision={0} style={{ width: '100%' }} data-testid="pool-form-warn-days" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('pool.form.exemptions')}</Divider>
      <Form.Item name="exemptWon" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="pool-form-exempt-won">{t('pool.form.exemptWon')}</Checkbox>
      </Form.Item>
      <Form.Item name="exemptLiveContract" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="pool-form-exempt-contract">{t('pool.form.exemptLiveContract')}</Checkbox>
      </Form.Item>
      <Form.Item name="exemptOpenProbability" label={t('pool.form.exemptOpenProbability')} extra={t('pool.form.exemptOpenHelp')} rules={whole(t, 0, 100, false)}>
        <InputNumber precision={0} suffix="%" style={{ width: 160 }} data-testid="pool-form-exempt-probability" />
      </Form.Item>

      <Divider titlePlacement="start">{t('pool.form.entry')}</Divider>
      {customCondition ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pool.form.customCondition')}
          action={
            <Button size="small" onClick={() => setCustomCondition(false)} data-testid="pool-form-replace-condition">
              {t('pool.form.replaceCondition')}
            </Button>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('pool.form.entryHelp')}</Typography.Paragraph>
          <Form.Item name="recordTypes" label={t('pool.form.entryTypes')}>
            <Checkbox.Group options={RECORD_TYPES.map((type) => ({ value: type, label: recordTypeLabel(t, type) }))} data-testid="pool-form-entry-types" />
          </Form.Item>
          <Form.Item name="provinces" label={t('pool.form.entryProvinces')}>
            {tags('pool-form-entry-provinces', t('pool.form.entryPlaceholder'))}
          </Form.Item>
          <Form.Item name="industries" label={t('pool.form.entryIndustries')}>
            {tags('pool-form-entry-industries', t('pool.form.entryPlaceholder'))}
          </Form.Item>
          <Form.Item name="sources" label={t('pool.form.entrySources')}>
            {tags('pool-form-entry-sources', t('pool.form.entryPlaceholder'))}
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="pool-form-submit">
        {pool ? t('common.save') : t('pool.form.create')}
      </Button>
    </Form>
  );
}
