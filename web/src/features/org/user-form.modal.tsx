import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import type { Language } from '../../app/i18n.ts';
import type { RoleKey } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { roleLabel } from './org.labels.ts';
import { ROLE_KEYS, type Team, type User } from './org.types.ts';
import { teamTreeOptions } from './team-tree.ts';

type UserForm = {
  name: string;
  email?: string;
  mobile?: string;
  password?: string;
  roleKey: RoleKey;
  teamId?: string | null;
  locale: Language;
};

type Props = {
  open: boolean;
  /** The user being edited; absent when creating. */
  user?: User;
  teams: Team[];
  onClose(): void;
  onSaved(user: User): void;
};

const blankToNull = (value: string | undefined | null) => (value && value.trim() ? value.trim() : null);

/** The body of PATCH /users/:id: only what changed. */
function changes(before: User, values: UserForm): Record<string, unknown> {
  const after: Record<string, unknown> = {
    name: values.name.trim(),
    email: blankToNull(values.email),
    mobile: blankToNull(values.mobile),
    roleKey: values.roleKey,
    teamId: values.teamId ?? null,
    locale: values.locale,
  };
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== before[key as keyof User]) body[key] = value;
  }
  if (values.password) body.password = values.password;
  return body;
}

export function UserFormModal({ open, user, teams, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<UserForm>();
  const [saving, setSaving] = useState(false);
  const editing = Boolean(user);
  const teamOptions = useMemo(() => teamTreeOptions(teams), [teams]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            name: user.name,
            email: user.email ?? undefined,
            mobile: user.mobile ?? undefined,
            roleKey: user.roleKey,
            teamId: user.teamId,
            locale: user.locale,
          }
        : { roleKey: 'sales', locale: 'zh-CN', teamId: null },
    );
  }, [open, user, form]);

  const submit = async () => {
    let values: UserForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      let saved: User;
      if (user) {
        const body = changes(user, values);
        saved = Object.keys(body).length ? await api<User>(`/users/${user.id}`, { method: 'PATCH', body }) : user;
      } else {
        const body: Record<string, unknown> = {
          name: values.name.trim(),
          password: values.password,
          roleKey: values.roleKey,
          locale: values.locale,
        };
        const email = blankToNull(values.email);
        const mobile = blankToNull(values.mobile);
        if (email) body.email = email;
        if (mobile) body.mobile = mobile;
        if (values.teamId) body.teamId = values.teamId;
        saved = await api<User>('/users', { method: 'POST', body });
      }
      onSaved(saved);
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      cancelButtonProps={{ 'data-testid': 'user-form-cancel' }}
      forceRender
    >
      <Form<UserForm> form={form} layout="vertical" data-testid="user-form" onFinish={() => void submit()}>
        <Form.Item name="name" label={t('users.field.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input data-testid="user-form-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.field.email')}
          rules={[
            { type: 'email', message: t('validation.email') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                blankToNull(value) || blankToNull(getFieldValue('mobile') as string | undefined)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.emailOrMobile'))),
            }),
          ]}
          dependencies={['mobile']}
        >
          <Input data-testid="user-form-email" autoComplete="off" inputMode="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="mobile" label={t('users.field.mobile')}>
          <Input data-testid="user-form-mobile" autoComplete="off" inputMode="tel" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing ? t('users.field.newPassword') : t('users.field.password')}
          extra={editing ? t('users.newPasswordHelp') : undefined}
          rules={[
            { required: !editing, message: t('validation.required') },
            { min: 8, message: t('validation.passwordMin') },
          ]}
        >
          <Input.Password data-testid="user-form-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="roleKey" label={t('users.field.role')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            data-testid="user-form-role"
            options={ROLE_KEYS.map((key) => ({ value: key, label: roleLabel(t, key) }))}
          />
        </Form.Item>
        <Form.Item name="teamId" label={t('users.field.team')}>
          <TreeSelect
            data-testid="user-form-team"
            treeData={teamOptions}
            allowClear
            treeDefaultExpandAll
            placeholder={t('users.noTeam')}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <Form.Item name="locale" label={t('users.field.locale')}>
          <Select
            data-testid="user-form-locale"
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en-US', label: 'English' },
            ]}
          />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
