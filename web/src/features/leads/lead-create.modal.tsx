import { Alert, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { LeadFormFields } from './lead-form.tsx';
import { createLeadBody, type LeadFormValues } from './lead-form.values.ts';
import type { Lead } from './lead.types.ts';

type Props = { open: boolean; onClose(): void; onCreated(lead: Lead): void };
type Duplicate = { lead: Lead } | { hidden: true };

/**
 * New lead by hand. A number that already has an open lead answers with that lead instead of a
 * second one; when it belongs to someone the caller may not see, the page only says it exists.
 */
export function LeadCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<LeadFormValues>();
  const [saving, setSaving] = useState(false);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ source: 'manual' });
    setDuplicate(null);
  }, [open, form]);

  const submit = async () => {
    let values: LeadFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setDuplicate(null);
    try {
      const result = await api<{ outcome: 'created' | 'duplicate'; lead: Lead }>('/leads', { method: 'POST', body: createLeadBody(values) });
      if (result.outcome === 'duplicate') setDuplicate({ lead: result.lead });
      else onCreated(result.lead);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'lead_duplicate') setDuplicate({ hidden: true });
      else onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('leads.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'lead-form-submit' }}
      cancelButtonProps={{ 'data-testid': 'lead-form-cancel' }}
      width={640}
      forceRender
    >
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="lead-duplicate"
          title={'lead' in duplicate ? t('leads.duplicateTitle', { name: duplicate.lead.name }) : t('leads.duplicateHidden')}
          description={
            'lead' in duplicate ? (
              <Link to={`/leads/${duplicate.lead.id}`} data-testid="lead-duplicate-link" onClick={onClose}>
                {t('leads.openExisting')}
                {duplicate.lead.ownerName ? ` · ${t('leads.ownedBy', { name: duplicate.lead.ownerName })}` : ''}
              </Link>
            ) : (
              t('leads.duplicateHiddenHelp')
            )
          }
        />
      )}
      <Form<LeadFormValues> form={form} layout="vertical" data-testid="lead-form" onFinish={() => void submit()}>
        <LeadFormFields testIdPrefix="lead-form" mode="create" />
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
