import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { markLost } from './pipeline.api.ts';
import type { Opportunity } from './pipeline.types.ts';

/** Asks for the lost reason (required) and closes the opportunity as lost. */
export function LostReasonModal({ opportunity, onClose, onDone }: { opportunity: Opportunity | null; onClose(): void; onDone(next: Opportunity): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!values) return;
    const { reason } = values;
    setSaving(true);
    try {
      const next = await markLost(opportunity!, reason);
      form.resetFields();
      onDone(next);
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={opportunity !== null}
      title={t('pipeline.lost.title', { name: opportunity?.name ?? '' })}
      okText={t('pipeline.lost.submit')}
      okButtonProps={{ danger: true, loading: saving, 'data-testid': 'lost-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('pipeline.lost.reason')} rules={[{ required: true, whitespace: true, message: t('pipeline.lost.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('pipeline.lost.placeholder')} data-testid="lost-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
