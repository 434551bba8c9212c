import { AutoComplete, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { companySizeLabel, sourceLabel } from './lead.labels.ts';
import { CHANNEL_SUGGESTIONS } from './lead-form.values.ts';
import { COMPANY_SIZES, KNOWN_SOURCES } from './lead.types.ts';

/** The fields of a lead; `mode` decides whether the source is asked (new leads) and the extra fields (editing). */
export function LeadFormFields({ testIdPrefix, mode }: { testIdPrefix: string; mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const id = (name: string) => `${testIdPrefix}-${name}`;
  const half = { xs: 24, sm: 12 };
  return (
    <Row gutter={12}>
      <Col {...half}>
        <Form.Item name="name" label={t('leads.field.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={100} data-testid={id('name')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="mobile" label={t('leads.field.mobile')} extra={mode === 'create' ? t('leads.mobileHelp') : undefined}>
          <Input maxLength={40} inputMode="tel" data-testid={id('mobile')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="company" label={t('leads.field.company')}>
          <Input maxLength={200} data-testid={id('company')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="title" label={t('leads.field.title')}>
          <Input maxLength={100} data-testid={id('title')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label={t('leads.field.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
          <Input maxLength={200} inputMode="email" data-testid={id('email')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="province" label={t('leads.field.province')}>
          <Input maxLength={50} data-testid={id('province')} />
        </Form.Item>
      </Col>
      {mode === 'edit' && (
        <Col {...half}>
          <Form.Item name="city" label={t('leads.field.city')}>
            <Input maxLength={50} data-testid={id('city')} />
          </Form.Item>
        </Col>
      )}
      <Col {...half}>
        <Form.Item name="industry" label={t('leads.field.industry')}>
          <Input maxLength={100} data-testid={id('industry')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="companySize" label={t('leads.field.companySize')}>
          <Select allowClear options={COMPANY_SIZES.map((size) => ({ value: size, label: companySizeLabel(t, size) }))} data-testid={id('companySize')} />
        </Form.Item>
      </Col>
      {mode === 'create' && (
        <Col {...half}>
          <Form.Item name="source" label={t('leads.field.source')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={KNOWN_SOURCES.map((source) => ({ value: source, label: sourceLabel(t, source) }))} data-testid={id('source')} />
          </Form.Item>
        </Col>
      )}
      <Col {...half}>
        <Form.Item name="channel" label={t('leads.field.channel')}>
          <AutoComplete options={CHANNEL_SUGGESTIONS.map((value) => ({ value }))} showSearch={{ filterOption: true }} data-testid={id('channel')} />
        </Form.Item>
      </Col>
      {mode === 'edit' && (
        <>
          <Col {...half}>
            <Form.Item name="creditCode" label={t('leads.field.creditCode')}>
              <Input maxLength={40} data-testid={id('creditCode')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('leads.field.address')}>
              <Input maxLength={300} data-testid={id('address')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('leads.field.notes')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid={id('notes')} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
