import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { eventLabel } from './notification.format.ts';
import { KNOWN_EVENTS, type Webhook } from './notification.types.ts';

type Values = { name: string; url: string; events: string[]; enabled: boolean };
export type SavedWebhook = Webhook & { secret?: string };
type Props = { webhook: Webhook | 'new' | null; onClose(): void; onSaved(saved: SavedWebhook): void };

const HTTP_URL = /^https?:\/\/[^\s/?#]+/i;

export function WebhookModal({ webhook, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!webhook) return;
    form.resetFields();
    form.setFieldsValue(webhook === 'new' ? { events: ['*'], enabled: true } : { name: webhook.name, url: webhook.url, events: webhook.events, enabled: webhook.enabled });
  }, [webhook, form]);

  const submit = async () => {
    if (!webhook) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = { name: values.name.trim(), url: values.url.trim(), events: values.events, enabled: values.enabled };
    setSaving(true);
    try {
      onSaved(webhook === 'new' ? await api<SavedWebhook>('/webhooks', { method: 'POST', body }) : await api<SavedWebhook>(`/webhooks/${webhook.id}`, { method: 'PATCH', body }));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const rotate = async () => {
    if (!webhook || webhook === 'new') return;
    try {
      onSaved(await api<SavedWebhook>(`/webhooks/${webhook.id}`, { method: 'PATCH', body: { rotateSecret: true } }));
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Modal
      open={webhook !== null}
      title={webhook === 'new' ? t('notifications.webhooks.createTitle') : t('notifications.webhooks.editTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'webhook-form-submit' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" data-testid="webhook-form" onFinish={() => void submit()}>
        <Form.Item name="name" label={t('notifications.webhooks.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={100} placeholder={t('notifications.webhooks.namePlaceholder')} data-testid="webhook-form-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('notifications.webhooks.url')}
          extra={t('notifications.webhooks.urlHelp')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { pattern: HTTP_URL, message: t('notifications.webhooks.urlInvalid') },
          ]}
        >
          <Input maxLength={2000} inputMode="url" placeholder="https://" data-testid="webhook-form-url" />
        </Form.Item>
        <Form.Item name="events" label={t('notifications.webhooks.events')} extra={t('notifications.webhooks.eventsHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}>
          <Select mode="tags" data-testid="webhook-form-events" options={KNOWN_EVENTS.map((event) => ({ value: event, label: eventLabel(i18n, event) }))} tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item name="enabled" label={t('notifications.webhooks.enabled')} valuePropName="checked">
          <Switch data-testid="webhook-form-enabled" />
        </Form.Item>
        {webhook && webhook !== 'new' && (
          <Popconfirm
            title={t('notifications.webhooks.confirmRotate')}
            description={t('notifications.webhooks.confirmRotateHelp')}
            okText={t('notifications.webhooks.rotate')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
            onConfirm={() => rotate()}
          >
            <Button data-testid="webhook-rotate-secret">{t('notifications.webhooks.rotate')}</Button>
          </Popconfirm>
        )}
      </Form>
    </Modal>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard over plain http: the secret stays selectable in the box
  }
}

/** The signing secret, once: it is never shown again. */
export function WebhookSecretModal({ secret, onClose }: { secret: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open={secret !== null}
      title={t('notifications.webhooks.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" data-testid="webhook-secret-close" onClick={onClose}>
          {t('notifications.webhooks.savedIt')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('notifications.webhooks.secretOnce')} description={t('notifications.webhooks.secretHelp')} style={{ marginBottom: 12 }} />
      <Flex gap={8} wrap>
        <Input readOnly value={secret ?? ''} data-testid="webhook-secret" style={{ fontFamily: 'monospace', flex: '1 1 200px' }} onFocus={(e) => e.target.select()} />
        <Button
          icon={<CopyOutlined />}
          onClick={() => void copyText(secret ?? '').then((ok) => (ok ? message.success(t('notifications.webhooks.copied')) : message.warning(t('notifications.webhooks.copyFailed'))))}
        >
          {t('notifications.webhooks.copy')}
        </Button>
      </Flex>
    </Modal>
  );
}
