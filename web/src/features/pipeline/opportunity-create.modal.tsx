import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { formatMoney } from './pipeline.format.ts';
import type { Opportunity, Pipeline, ProductItem } from './pipeline.types.ts';

type Values = {
  customerId: string;
  pipelineId?: string;
  name: string;
  amount?: number | null;
  expectedCloseDate?: Dayjs | null;
  products?: Partial<ProductItem>[];
};

/** Customers matching what is typed, for the customer picker. */
function useCustomerOptions(search: string, fixed?: { id: string; name: string }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>(fixed ? [{ value: fixed.id, label: fixed.name }] : []);
  useEffect(() => {
    if (fixed) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<Page<{ id: string; name: string }>>('/customers', { query: { q: search || undefined, limit: 20 }, signal: controller.signal })
        .then((page) => setOptions(page.items.map((c) => ({ value: c.id, label: c.name }))))
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search, fixed]);
  return options;
}

/** New opportunity, from the board (any visible customer) or from a customer page (that customer). */
export function OpportunityCreateModal({
  open,
  pipelines,
  pipelineId,
  customer,
  onClose,
  onCreated,
}: {
  open: boolean;
  pipelines: Pipeline[];
  pipelineId?: string;
  customer?: { id: string; name: string };
  onClose(): void;
  onCreated(o: Opportunity): void;
}) {
  const { t, i18n } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const customers = useCustomerOptions(search, customer);
  const products = Form.useWatch('products', form) ?? [];
  const derived = products.reduce((sum, p) => sum + (Number(p?.quantity) || 0) * (Number(p?.unitPrice) || 0), 0);

  useEffect(() => {
    if (open) form.setFieldsValue({ customerId: customer?.id, pipelineId: pipelineId ?? pipelines.find((p) => p.isDefault)?.id });
  }, [open, customer, pipelineId, pipelines, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!values) return;
    setSaving(true);
    try {
      const created = await api<Opportunity>('/opportunities', {
        method: 'POST',
        body: {
          customerId: values.customerId,
          pipelineId: values.pipelineId,
          name: values.name,
          amount: values.amount ?? null,
          expectedCloseDate: values.expectedCloseDate ? values.expectedCloseDate.format('YYYY-MM-DD') : null,
          products: (values.products ?? []).filter((p) => p?.name).map((p) => ({ name: p.name, quantity: Number(p.quantity ?? 1), unitPrice: Number(p.unitPrice ?? 0) })),
        },
      });
      form.resetFields();
      onCreated(created);
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pipeline.create.title')}
      okText={t('pipeline.create.submit')}
      okButtonProps={{ loading: saving, 'data-testid': 'opportunity-create-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="opportunity-create-form">
        <Form.Item name="customerId" label={t('pipeline.field.customer')} rules={[{ required: true, message: t('pipeline.create.customerRequired') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            disabled={Boolean(customer)}
            options={customers}
            placeholder={t('pipeline.create.customerPlaceholder')}
            data-testid="opportunity-customer"
          />
        </Form.Item>
        {pipelines.length > 1 && (
          <Form.Item name="pipelineId" label={t('pipeline.field.pipeline')}>
            <Select options={pipelines.map((p) => ({ value: p.id, label: p.name }))} data-testid="opportunity-pipeline" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('pipeline.field.name')} rules={[{ required: true, whitespace: true, message: t('pipeline.create.nameRequired') }]}>
          <Input maxLength={200} data-testid="opportunity-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="amount" label={t('pipeline.field.amount')} extra={products.length > 0 ? t('pipeline.create.derived', { amount: formatMoney(derived, 'CNY', i18n.language) }) : undefined} style={{ flex: 1, minWidth: 200 }}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} prefix="¥" data-testid="opportunity-amount" />
          </Form.Item>
          <Form.Item name="expectedCloseDate" label={t('pipeline.field.expectedCloseDate')} style={{ flex: 1, minWidth: 200 }}>
            <DatePicker style={{ width: '100%' }} data-testid="opportunity-close-date" />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('pipeline.field.products')}</Typography.Text>
        <Form.List name="products">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('pipeline.create.productNameRequired') }]} style={{ flex: 2, minWidth: 140, marginBottom: 8 }}>
                    <Input placeholder={t('pipeline.product.name')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} initialValue={1} style={{ width: 90, marginBottom: 8 }}>
                    <InputNumber min={0.01} placeholder={t('pipeline.product.quantity')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitPrice']} style={{ width: 130, marginBottom: 8 }}>
                    <InputNumber min={0} precision={2} placeholder={t('pipeline.product.unitPrice')} style={{ width: '100%' }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} data-testid="opportunity-add-product">
                {t('pipeline.product.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
