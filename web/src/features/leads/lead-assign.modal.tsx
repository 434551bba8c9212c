import { Form, Input, Modal, Radio, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { teamTreeOptions } from '../org/team-tree.ts';
import { useTeams } from '../org/use-teams.ts';
import type { Lead } from './lead.types.ts';

/** A person the caller may hand leads to (GET /assignment/availability: themselves, their team, or everyone). */
type Assignee = { userId: string; name: string; teamId: string | null; status: 'active' | 'inactive'; absentToday: boolean };

type Values = { target: 'user' | 'team'; userId?: string; teamId?: string; note?: string };
type Props = { leadIds: string[] | null; onClose(): void; onAssigned(leads: Lead[]): void };

/** Hands one or many leads to a person or a team queue; the server refuses deactivated people and people outside the manager's team, with the reason. */
export function LeadAssignModal({ leadIds, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [people, setPeople] = useState<Assignee[]>([]);
  const { teams } = useTeams();
  const open = leadIds !== null;
  const target = Form.useWatch('target', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ target: 'user' });
    const controller = new AbortController();
    api<Assignee[]>('/assignment/availability', { signal: controller.signal })
      .then(setPeople)
      .catch((error: unknown) => onError(error));
    return () => controller.abort();
  }, [open, form, onError]);

  const personOptions = useMemo(
    () =>
      people.map((p) => ({
        value: p.userId,
        disabled: p.status !== 'active',
        label: p.status !== 'active' ? `${p.name}（${t('leads.assign.inactive')}）` : p.absentToday ? `${p.name}（${t('leads.assign.absent')}）` : p.name,
      })),
    [people, t],
  );

  const submit = async () => {
    if (!leadIds) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const body = { leadIds, ...(values.target === 'user' ? { userId: values.userId } : { teamId: values.teamId }), ...(values.note?.trim() ? { note: values.note.trim() } : {}) };
      const result = await api<{ items: Lead[] }>('/leads/assign', { method: 'POST', body });
      onAssigned(result.items);
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('leads.assign.title', { count: leadIds?.length ?? 0 })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('leads.assign.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'lead-assign-submit' }}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" data-testid="lead-assign-form">
        <Form.Item name="target">
          <Radio.Group
            optionType="button"
            data-testid="lead-assign-target"
            options={[
              { value: 'user', label: t('leads.assign.toPerson') },
              { value: 'team', label: t('leads.assign.toTeam') },
            ]}
          />
        </Form.Item>
        {target !== 'team' ? (
          <Form.Item name="userId" label={t('leads.assign.person')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions} data-testid="lead-assign-user" />
          </Form.Item>
        ) : (
          <Form.Item name="teamId" label={t('leads.assign.team')} extra={t('leads.assign.teamHelp')} rules={[{ required: true, message: t('validation.required') }]}>
            <TreeSelect treeData={teamTreeOptions(teams)} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} data-testid="lead-assign-team" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('leads.assign.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="lead-assign-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
