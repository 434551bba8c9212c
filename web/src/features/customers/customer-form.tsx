import { Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerInput, CustomerKind, EditableField } from './customer.types.ts';
import { kindLabel } from './customer.labels.ts';

export type CustomerFormValues = { kind: CustomerKind } & Partial<Record<EditableField, string>>;

const text = (value: string | null | undefined) => value ?? undefined;

/** The form's starting values for an existing customer. */
export function formValuesOf(customer: Customer): CustomerFormValues {
  return {
    kind: customer.kind,
    name: customer.name,
    mobile: text(customer.mobile),
    email: text(customer.email),
    nationalId: text(customer.nationalId),
    creditCode: text(customer.creditCode),
    province: text(customer.province),
    city: text(customer.city),
    district: text(customer.district),
    street: text(customer.street),
    address: text(customer.address),
    industry: text(customer.industry),
    source: text(customer.source),
  };
}

/** The body of POST /customers: blanks left out. */
export function createBody(values: CustomerFormValues): CustomerInput {
  const body: CustomerInput = { kind: values.kind };
  for (const [key, value] of Object.entries(values)) {
    if (key === 'kind' || typeof value !== 'string' || !value.trim()) continue;
    body[key as EditableField] = value.trim();
  }
  return body;
}

/**
 * The customer fields (create and edit): the kind decides whether the ID number (person) or the
 * credit code (company) is asked. Two columns on a wide screen, one on a phone.
 */
export function CustomerFormFields({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  const kind = Form.useWatch<CustomerKind | undefined>('kind');
  const id = (field: string) => `${testIdPrefix}-${field}`;
  const half = { xs: 24, sm: 12 };
  return (
    <Row gutter={12}>
      <Col span={24}>
        <Form.Item name="kind" label={t('customers.field.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group
            data-testid={id('kind')}
            optionType="button"
            options={(['person', 'company'] as const).map((value) => ({ value, label: kindLabel(t, value) }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="name" label={t('customers.field.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input data-testid={id('name')} maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="mobile" label={t('customers.field.mobile')}>
          <Input data-testid={id('mobile')} inputMode="tel" autoComplete="off" maxLength={40} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label={t('customers.field.email')}>
          <Input data-testid={id('email')} inputMode="email" autoComplete="off" maxLength={200} />
        </Form.Item>
      </Col>
      {kind === 'company' ? (
        <>
          <Col {...half}>
            <Form.Item name="creditCode" label={t('customers.field.creditCode')}>
              <Input data-testid={id('creditCode')} maxLength={30} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industry" label={t('customers.field.industry')}>
              <Input data-testid={id('industry')} maxLength={100} />
            </Form.Item>
          </Col>
        </>
      ) : (
        <Col {...half}>
          <Form.Item name="nationalId" label={t('customers.field.nationalId')}>
            <Input data-testid={id('nationalId')} maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} sm={8}>
        <Form.Item name="province" label={t('customers.field.province')}>
          <Input data-testid={id('province')} maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name="city" label={t('customers.field.city')}>
          <Input data-testid={id('city')} maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name="district" label={t('customers.field.district')}>
          <Input data-testid={id('district')} maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="street" label={t('customers.field.street')}>
          <Input data-testid={id('street')} maxLength={100} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('customers.field.address')} extra={t('customers.addressHelp')}>
          <Input data-testid={id('address')} maxLength={300} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="source" label={t('customers.field.source')}>
          <Input data-testid={id('source')} maxLength={50} />
        </Form.Item>
      </Col>
    </Row>
  );
}
