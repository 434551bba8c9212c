import { Button, Drawer, Flex, Form, Grid } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { LeadFormFields } from './lead-form.tsx';
import { leadChanges, leadFormValues, type LeadFormValues } from './lead-form.values.ts';
import type { Lead } from './lead.types.ts';

type Props = { lead: Lead | null; onClose(): void; onSaved(lead: Lead): void };

/** Edits a lead (PATCH, only what changed); the server cleans and re-scores it. */
export function LeadEditDrawer({ lead, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<LeadFormValues>();
  const [saving, setSaving] = useState(false);
  const narrow = Grid.useBreakpoint().md === false;

  useEffect(() => {
    if (!lead) return;
    form.resetFields();
    form.setFieldsValue(leadFormValues(lead));
  }, [lead, form]);

  const submit = async () => {
    if (!lead) return;
    let values: LeadFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = leadChanges(lead, values);
    if (Object.keys(body).length === 0) {
      onSaved(lead);
      return;
    }
    setSaving(true);
    try {
      onSaved(await api<Lead>(`/leads/${lead.id}`, { method: 'PATCH', body }));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={lead !== null}
      onClose={onClose}
      title={lead ? t('leads.editTitle', { name: lead.name }) : ''}
      size={narrow ? '100%' : 600}
      forceRender
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} data-testid="lead-edit-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="lead-edit-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<LeadFormValues> form={form} layout="vertical" data-testid="lead-edit-form" onFinish={() => void submit()}>
        <LeadFormFields testIdPrefix="lead-edit" mode="edit" />
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
