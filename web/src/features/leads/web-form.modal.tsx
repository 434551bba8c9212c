import { Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { fieldsProblem } from './lead.format.ts';
import { formFieldLabel } from './lead.labels.ts';
import { FORM_FIELDS, type FormField, type WebForm } from './lead.types.ts';

type Values = { name: string; channel?: string; fields: FormField[]; thankYou?: string; enabled: boolean };
type Props = { form: WebForm | 'new' | null; onClose(): void; onSaved(form: WebForm): void };

const DEFAULT_FIELDS: FormField[] = ['name', 'mobile', 'company'];

export function WebFormModal({ form: editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(
      editing === 'new'
        ? { fields: DEFAULT_FIELDS, enabled: true }
        : { name: editing.name, channel: editing.channel ?? undefined, fields: editing.fields, thankYou: editing.thankYou ?? undefined, enabled: editing.enabled },
    );
  }, [editing, form]);

  const submit = async () => {
    if (!editing) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = {
      name: values.name.trim(),
      channel: values.channel?.trim() || null,
      // Kept in the catalogue's order, whatever order they were ticked in.
      fields: FORM_FIELDS.filter((f) => values.fields.includes(f)),
      thankYou: values.thankYou?.trim() || null,
      enabled: values.enabled,
    };
    setSaving(true);
    try {
      onSaved(editing === 'new' ? await api<WebForm>('/web-forms', { method: 'POST', body }) : await api<WebForm>(`/web-forms/${editing.id}`, { method: 'PATCH', body }));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const problemText = (problem: ReturnType<typeof fieldsProblem>) => {
    switch (problem) {
      case 'name_or_company_required':
        return t('leads.webForms.needName');
      case 'contact_required':
        return t('leads.webForms.needContact');
      case null:
        return undefined;
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={editing === 'new' ? t('leads.webForms.createTitle') : t('leads.webForms.editTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'web-form-submit' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" data-testid="web-form-form">
        <Form.Item name="name" label={t('leads.webForms.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={100} data-testid="web-form-name" />
        </Form.Item>
        <Form.Item name="channel" label={t('leads.field.channel')} extra={t('leads.webForms.channelHelp')}>
          <Input maxLength={100} data-testid="web-form-channel" />
        </Form.Item>
        <Form.Item
          name="fields"
          label={t('leads.webForms.fields')}
          rules={[
            {
              validator: (_, value: FormField[] | undefined) => {
                const message = problemText(fieldsProblem(value ?? []));
                return message ? Promise.reject(new Error(message)) : Promise.resolve();
              },
            },
          ]}
        >
          <Checkbox.Group data-testid="web-form-fields" options={FORM_FIELDS.map((field) => ({ value: field, label: <span data-testid={`web-form-field-${field}`}>{formFieldLabel(t, field)}</span> }))} />
        </Form.Item>
        <Form.Item name="thankYou" label={t('leads.webForms.thankYou')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('leads.webForms.thankYouPlaceholder')} data-testid="web-form-thank-you" />
        </Form.Item>
        <Form.Item name="enabled" label={t('leads.webForms.enabled')} valuePropName="checked">
          <Switch data-testid="web-form-enabled" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
