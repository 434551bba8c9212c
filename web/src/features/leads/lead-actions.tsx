import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Result, Select, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { usePipelines } from '../pipeline/pipeline.api.ts';
import { qualifyBody, type QualifyValues } from './lead-form.values.ts';
import { disqualifyReasonLabel } from './lead.labels.ts';
import { DISQUALIFY_REASONS, type DisqualifyReason, type Lead, type QualifyResult } from './lead.types.ts';

/**
 * Qualify: the lead becomes a customer (or joins the one it was linked to) with its person as a
 * contact, optionally with an opportunity. A second conversion (another browser) answers 409.
 */
export function QualifyModal({ lead, onClose, onStale }: { lead: Lead | null; onClose(): void; onStale(): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<QualifyValues>();
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<QualifyResult | null>(null);
  const withOpportunity = Form.useWatch('withOpportunity', form);

  useEffect(() => {
    if (!lead) return;
    setResult(null);
    form.resetFields();
    form.setFieldsValue({ kind: lead.company ? 'company' : 'person', withOpportunity: false, opportunityName: `${lead.company ?? lead.name}` });
  }, [lead, form]);

  const submit = async () => {
    if (!lead) return;
    let values: QualifyValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const done = await api<QualifyResult>(`/leads/${lead.id}/qualify`, { method: 'POST', body: qualifyBody(values) });
      setResult(done);
    } catch (error) {
      onError(error, form);
      if (error instanceof ApiError && error.code === 'lead_already_qualified') {
        onClose();
        onStale();
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={lead !== null}
      title={t('leads.qualify.title')}
      onCancel={onClose}
      forceRender
      footer={
        result
          ? [
              <Button key="close" onClick={onClose} data-testid="lead-qualify-close">
                {t('leads.qualify.stay')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={saving} onClick={() => void submit()} data-testid="lead-qualify-submit">
                {t('leads.qualify.submit')}
              </Button>,
            ]
      }
    >
      {result ? (
        <Result
          status="success"
          title={result.customerCreated ? t('leads.qualify.doneNew') : t('leads.qualify.doneExisting')}
          subTitle={result.opportunityId ? t('leads.qualify.withOpportunity') : undefined}
          data-testid="lead-qualify-result"
          extra={
            <Link to={`/customers/${result.customerId}`} data-testid="lead-qualify-customer">
              <Button type="primary">{t('leads.qualify.openCustomer')}</Button>
            </Link>
          }
        />
      ) : (
        <Form<QualifyValues> form={form} layout="vertical" data-testid="lead-qualify-form">
          {lead?.customerId && <p>{t('leads.qualify.linkedHelp')}</p>}
          <Form.Item name="kind" label={t('leads.qualify.kind')}>
            <Radio.Group
              data-testid="lead-qualify-kind"
              options={[
                { value: 'person', label: t('leads.qualify.person') },
                { value: 'company', label: t('leads.qualify.company') },
              ]}
            />
          </Form.Item>
          <Form.Item name="withOpportunity" valuePropName="checked">
            <Checkbox data-testid="lead-qualify-with-opportunity">{t('leads.qualify.createOpportunity')}</Checkbox>
          </Form.Item>
          {withOpportunity && <OpportunityFields form={form} />}
        </Form>
      )}
    </Modal>
  );
}

/**
 * The opportunity part of the qualify form. Mounted only when asked for, so that the pipelines are
 * fetched only then; the default pipeline is preselected, and the choice is shown when there is one.
 */
function OpportunityFields({ form }: { form: FormInstance<QualifyValues> }) {
  const { t } = useTranslation();
  const { pipelines } = usePipelines();

  useEffect(() => {
    const chosen = form.getFieldValue('pipelineId') as string | null | undefined;
    if (pipelines.length === 0 || pipelines.some((p) => p.id === chosen)) return;
    form.setFieldValue('pipelineId', (pipelines.find((p) => p.isDefault) ?? pipelines[0])!.id);
  }, [pipelines, form]);

  return (
    <>
      <Form.Item name="opportunityName" label={t('leads.qualify.opportunityName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={200} data-testid="lead-qualify-opportunity-name" />
      </Form.Item>
      <Form.Item name="pipelineId" label={t('leads.qualify.pipeline')} hidden={pipelines.length < 2}>
        <Select options={pipelines.map((p) => ({ value: p.id, label: p.name }))} data-testid="lead-qualify-pipeline" />
      </Form.Item>
      <Form.Item name="amount" label={t('leads.qualify.amount')}>
        <InputNumber<number> min={0} max={1e12} precision={2} style={{ width: '100%' }} prefix="¥" data-testid="lead-qualify-amount" />
      </Form.Item>
      <Form.Item name="expectedCloseDate" label={t('leads.qualify.expectedCloseDate')}>
        <DatePicker style={{ width: '100%' }} data-testid="lead-qualify-close-date" />
      </Form.Item>
    </>
  );
}

type DisqualifyValues = { reason: DisqualifyReason; note?: string };

export function DisqualifyModal({ lead, onClose, onDone }: { lead: Lead | null; onClose(): void; onDone(lead: Lead): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<DisqualifyValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (lead) form.resetFields();
  }, [lead, form]);

  const submit = async () => {
    if (!lead) return;
    let values: DisqualifyValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      onDone(await api<Lead>(`/leads/${lead.id}/disqualify`, { method: 'POST', body: { reason: values.reason, ...(values.note?.trim() ? { note: values.note.trim() } : {}) } }));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={lead !== null}
      title={t('leads.disqualify.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('leads.disqualify.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'lead-disqualify-submit' }}
      forceRender
    >
      <Form<DisqualifyValues> form={form} layout="vertical" data-testid="lead-disqualify-form">
        <Form.Item name="reason" label={t('leads.disqualify.reason')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={DISQUALIFY_REASONS.map((reason) => ({ value: reason, label: disqualifyReasonLabel(t, reason) }))} data-testid="lead-disqualify-reason" />
        </Form.Item>
        <Form.Item name="note" label={t('leads.disqualify.note')}>
          <Input.TextArea rows={3} maxLength={500} data-testid="lead-disqualify-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
