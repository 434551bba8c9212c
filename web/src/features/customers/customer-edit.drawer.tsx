import { Alert, Button, Drawer, Flex, Form, Grid, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { CompletenessBar } from './customer-bits.tsx';
import { CustomerFormFields, formValuesOf, type CustomerFormValues } from './customer-form.tsx';
import { customerChanges } from './customer.format.ts';
import { flagHelp, flagLabel } from './customer.labels.ts';
import type { Customer } from './customer.types.ts';

type Props = { customer: Customer | null; onClose(): void; onSaved(customer: Customer): void };

/** Edits a customer's profile (PATCH, only what changed); the flags say what needs fixing. */
export function CustomerEditDrawer({ customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<CustomerFormValues>();
  const [saving, setSaving] = useState(false);
  const narrow = Grid.useBreakpoint().md === false;

  useEffect(() => {
    if (!customer) return;
    form.resetFields();
    form.setFieldsValue(formValuesOf(customer));
  }, [customer, form]);

  const submit = async () => {
    if (!customer) return;
    let values: CustomerFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = customerChanges(customer, values);
    if (Object.keys(body).length === 0) {
      onSaved(customer);
      return;
    }
    setSaving(true);
    try {
      onSaved(await api<Customer>(`/customers/${customer.id}`, { method: 'PATCH', body }));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={customer !== null}
      onClose={onClose}
      title={customer ? t('customers.editTitle', { name: customer.name }) : ''}
      size={narrow ? '100%' : 560}
      forceRender
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} data-testid="customer-edit-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="customer-edit-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="customer-edit">
        {customer && (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            <Flex align="center" gap={8}>
              <Typography.Text type="secondary">{t('customers.field.completeness')}</Typography.Text>
              <CompletenessBar value={customer.completeness} width={160} />
            </Flex>
            {customer.flags.map((flag) => (
              <Alert key={flag} type="error" showIcon title={flagLabel(t, flag)} description={flagHelp(t, flag)} data-testid="customer-edit-flag" />
            ))}
          </Flex>
        )}
        <Form<CustomerFormValues> form={form} layout="vertical" data-testid="customer-edit-form" onFinish={() => void submit()}>
          <CustomerFormFields testIdPrefix="customer-edit" />
          <button type="submit" hidden />
        </Form>
      </div>
    </Drawer>
  );
}
