import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { releaseReasonLabel } from './pool.labels.ts';
import { RELEASE_REASONS, type Pool, type PoolRecord, type RecordRef, type ReleaseReason } from './pool.types.ts';
import type { Person } from './use-pools.ts';

const recordPath = (record: RecordRef) => `/pool/records/${record.type}/${record.id}`;

/** Gives a private record back to the public pool, with the reason (kept in its history). */
export function ReleaseModal({ record, onClose, onReleased }: { record: PoolRecord | null; onClose(): void; onReleased(): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<{ reason: ReleaseReason; note?: string }>();
  const [saving, setSaving] = useState(false);
  const reason = Form.useWatch('reason', form);

  useEffect(() => {
    if (record) form.resetFields();
  }, [record, form]);

  const submit = async () => {
    if (!record) return;
    let values: { reason: ReleaseReason; note?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const note = values.note?.trim();
      await api(`${recordPath(record)}/release`, { method: 'POST', body: { reason: values.reason, ...(note ? { note } : {}) } });
      onReleased();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={record !== null}
      title={t('pool.release.title', { name: record?.title ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('pool.release.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ danger: true, 'data-testid': 'pool-release-submit' }}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="pool-release-form">
        <Form.Item name="reason" label={t('pool.release.reason')} rules={[{ required: true, message: t('pool.release.reasonRequired') }]}>
          <Radio.Group data-testid="pool-release-reason" style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {RELEASE_REASONS.map((value) => (
              <Radio key={value} value={value} data-testid={`pool-release-reason-${value}`}>
                {releaseReasonLabel(t, value)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('pool.release.note')} rules={reason === 'other' ? [{ required: true, whitespace: true, message: t('pool.release.noteRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={500} data-testid="pool-release-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type EditValues = { level: string | null; contractUntil: Dayjs | null };

/** The level and the contract end of a private record (a live contract can exempt it from recycling). */
export function RecordEditModal({ record, pool, onClose, onSaved }: { record: PoolRecord | null; pool: Pool | undefined; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<EditValues>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (record) form.setFieldsValue({ level: record.level, contractUntil: record.contractUntil ? dayjs(record.contractUntil) : null });
  }, [record, form]);

  const submit = async () => {
    if (!record) return;
    const values = form.getFieldsValue();
    setSaving(true);
    try {
      await api(recordPath(record), {
        method: 'PATCH',
        body: { level: values.level ?? null, contractUntil: values.contractUntil ? values.contractUntil.format('YYYY-MM-DD') : null },
      });
      onSaved();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const levels = pool?.levels ?? [];
  const options = [...new Set([...levels, ...(record?.level ? [record.level] : [])])].map((level) => ({ value: level, label: t('pool.settings.levelN', { level }) }));

  return (
    <Modal
      open={record !== null}
      title={t('pool.edit.title', { name: record?.title ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'pool-edit-submit' }}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="pool-edit-form">
        <Form.Item name="level" label={t('pool.field.level')}>
          <Select allowClear options={options} data-testid="pool-edit-level" />
        </Form.Item>
        <Form.Item name="contractUntil" label={t('pool.field.contractUntil')} extra={t('pool.edit.contractHelp')}>
          <DatePicker style={{ width: '100%' }} data-testid="pool-edit-contract" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A manager hands records to a person (assign) or puts them in another pool (move). */
export function ManageModal({
  mode,
  records,
  pools,
  people,
  currentPoolId,
  onClose,
  onDone,
}: {
  mode: 'assign' | 'move' | null;
  records: RecordRef[];
  pools: Pool[];
  people: Person[];
  currentPoolId?: string;
  onClose(): void;
  onDone(moved: number): void;
}) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<{ userId?: string; poolId?: string; note?: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (mode) form.resetFields();
  }, [mode, form]);

  const submit = async () => {
    if (!mode) return;
    let values: { userId?: string; poolId?: string; note?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const note = values.note?.trim();
      const body = { records: records.map(({ type, id }) => ({ type, id })), ...(mode === 'assign' ? { userId: values.userId } : { poolId: values.poolId }), ...(note ? { note } : {}) };
      const result = await api<{ moved: number }>(mode === 'assign' ? '/pool/assign' : '/pool/move', { method: 'POST', body });
      onDone(result.moved);
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={mode !== null}
      title={mode === 'move' ? t('pool.manage.moveTitle', { count: records.length }) : t('pool.manage.assignTitle', { count: records.length })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={mode === 'move' ? t('pool.manage.move') : t('pool.manage.assign')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'pool-manage-submit' }}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="pool-manage-form">
        {mode === 'move' ? (
          <Form.Item name="poolId" label={t('pool.manage.targetPool')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={pools.filter((p) => p.id !== currentPoolId).map((p) => ({ value: p.id, label: p.name }))} data-testid="pool-manage-pool" />
          </Form.Item>
        ) : (
          <Form.Item name="userId" label={t('pool.manage.person')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={people.map((p) => ({ value: p.userId, label: p.status === 'active' ? p.name : `${p.name}（${t('pool.inactive')}）`, disabled: p.status !== 'active' }))}
              data-testid="pool-manage-user"
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('pool.manage.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="pool-manage-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
