import { Form, Input, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { Team } from './org.types.ts';
import { subtreeIds, teamTreeOptions } from './team-tree.ts';
import { UserSelect } from './user-select.tsx';

type TeamForm = { name: string; parentId?: string | null; managerUserId?: string | null };

export type TeamEditing = { mode: 'create'; parentId: string | null } | { mode: 'edit'; team: Team };

type Props = {
  editing: TeamEditing | null;
  teams: Team[];
  userNames: ReadonlyMap<string, string>;
  onClose(): void;
  onSaved(team: Team): void;
};

export function TeamFormModal({ editing, teams, userNames, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<TeamForm>();
  const [saving, setSaving] = useState(false);
  const team = editing?.mode === 'edit' ? editing.team : undefined;

  // A team cannot move under itself or under one of its sub-teams.
  const parentOptions = useMemo(
    () => teamTreeOptions(teams, team ? subtreeIds(teams, team.id) : new Set()),
    [teams, team],
  );

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(
      editing.mode === 'edit'
        ? { name: editing.team.name, parentId: editing.team.parentId, managerUserId: editing.team.managerUserId }
        : { name: '', parentId: editing.parentId, managerUserId: null },
    );
  }, [editing, form]);

  const submit = async () => {
    let values: TeamForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = { name: values.name.trim(), parentId: values.parentId ?? null, managerUserId: values.managerUserId ?? null };
    setSaving(true);
    try {
      const saved = team
        ? await api<Team>(`/teams/${team.id}`, { method: 'PATCH', body })
        : await api<Team>('/teams', { method: 'POST', body });
      onSaved(saved);
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={team ? t('teams.editTitle') : t('teams.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'team-form-submit' }}
      forceRender
    >
      <Form<TeamForm> form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="name" label={t('teams.field.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input data-testid="team-form-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="parentId" label={t('teams.field.parent')}>
          <TreeSelect
            data-testid="team-form-parent"
            treeData={parentOptions}
            allowClear
            treeDefaultExpandAll
            placeholder={t('teams.noParent')}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <Form.Item name="managerUserId" label={t('teams.field.manager')}>
          <UserSelect allowClear placeholder={t('teams.noManager')} knownNames={userNames} data-testid="team-form-manager" />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
