import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { UserSelect } from '../org/user-select.tsx';
import { defaultDueAt } from './task.format.ts';
import { taskKindLabel } from './task.labels.ts';
import { TASK_KINDS, type Task, type TaskInput, type TaskKind, type TaskRecordType } from './task.types.ts';

type Values = { title: string; kind: TaskKind; dueAt: string; assigneeUserId?: string; note?: string };

/** The value a datetime-local input takes: local time to the minute. */
const localInput = (date: Date) => dayjs(date).format('YYYY-MM-DDTHH:mm');

/**
 * Plans the next follow-up on a record. The due time is a native date-time input: on a phone it
 * opens the system picker, which fits any screen, where a date-and-time panel would not.
 */
export function TaskForm({ recordType, recordId, onCreated, onCancel }: { recordType: TaskRecordType; recordId: string; onCreated(task: Task): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const initial = (): Values => ({ title: '', kind: 'call', dueAt: localInput(defaultDueAt(new Date())) });

  const submit = async (values: Values) => {
    const note = values.note?.trim();
    const body: TaskInput = {
      recordType,
      recordId,
      title: values.title.trim(),
      kind: values.kind,
      dueAt: dayjs(values.dueAt).toISOString(),
      ...(values.assigneeUserId ? { assigneeUserId: values.assigneeUserId } : {}),
      ...(note ? { note } : {}),
    };
    setSaving(true);
    try {
      onCreated(await api<Task>('/tasks', { method: 'POST', body }));
      form.resetFields();
      form.setFieldsValue(initial());
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial()} onFinish={(values) => void submit(values)} data-testid="task-form" requiredMark={false}>
      <Form.Item name="title" label={t('tasks.field.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ marginBottom: 8 }}>
        <Input maxLength={200} placeholder={t('tasks.form.titlePlaceholder')} data-testid="task-form-title" />
      </Form.Item>
      <Form.Item name="kind" style={{ marginBottom: 8 }}>
        <Segmented<TaskKind>
          options={TASK_KINDS.map((value) => ({ value, label: <span data-testid={`task-form-kind-${value}`}>{taskKindLabel(t, value)}</span> }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="dueAt" label={t('tasks.field.dueAt')} rules={[{ required: true, message: t('validation.required') }]} style={{ marginBottom: 8, flex: '1 1 180px' }}>
          <Input type="datetime-local" data-testid="task-form-due" />
        </Form.Item>
        {can('leads.assign') && (
          <Form.Item name="assigneeUserId" label={t('tasks.field.assignee')} style={{ marginBottom: 8, flex: '1 1 180px' }}>
            <UserSelect allowClear placeholder={t('tasks.form.assigneeSelf')} data-testid="task-form-assignee" />
          </Form.Item>
        )}
      </Flex>
      <Form.Item name="note" style={{ marginBottom: 8 }}>
        <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder={t('tasks.form.notePlaceholder')} data-testid="task-form-note" />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        {onCancel && (
          <Button onClick={onCancel} data-testid="task-form-cancel">
            {t('common.cancel')}
          </Button>
        )}
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving} data-testid="task-form-submit">
          {t('tasks.form.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
