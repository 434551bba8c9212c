import { Alert, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { applyFieldErrors, useErrorHandler } from '../../app/use-error-handler.ts';
import { createBody, CustomerFormFields, type CustomerFormValues } from './customer-form.tsx';
import type { Customer } from './customer.types.ts';

type Props = { open: boolean; onClose(): void; onCreated(customer: Customer): void };

/** New customer; a mobile, ID number or credit code that is already taken links to the existing customer. */
export function CustomerCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<CustomerFormValues>();
  const [saving, setSaving] = useState(false);
  const [existingId, setExistingId] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'person' });
    setExistingId(null);
  }, [open, form]);

  const submit = async () => {
    let values: CustomerFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setExistingId(null);
    try {
      onCreated(await api<Customer>('/customers', { method: 'POST', body: createBody(values) }));
    } catch (error) {
      const existing = error instanceof ApiError && error.code === 'duplicate' ? error.details.existingId : undefined;
      if (error instanceof ApiError && typeof existing === 'string') {
        applyFieldErrors(form, error.fields);
        setExistingId(existing);
      } else {
        onError(error, form);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('customers.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'customer-form-submit' }}
      cancelButtonProps={{ 'data-testid': 'customer-form-cancel' }}
      forceRender
    >
      {existingId && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="customer-duplicate"
          title={t('customers.alreadyCustomer')}
          description={
            <Link to={`/customers/${existingId}`} data-testid="customer-duplicate-link" onClick={onClose}>
              {t('customers.openExisting')}
            </Link>
          }
        />
      )}
      <Form<CustomerFormValues> form={form} layout="vertical" data-testid="customer-form" onFinish={() => void submit()}>
        <CustomerFormFields testIdPrefix="customer-form" />
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
