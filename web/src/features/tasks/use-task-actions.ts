import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { Task } from './task.types.ts';

/** Completing (one click) and deleting a task; `onChanged` gets the task as the server now has it, or null once deleted. */
export function useTaskActions(onChanged: (task: Task | null, id: string) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [busy, setBusy] = useState<string | null>(null);
  const complete = async (task: Task) => {
    setBusy(task.id);
    try {
      onChanged(await api<Task>(`/tasks/${task.id}/done`, { method: 'POST' }), task.id);
      void message.success(t('tasks.completed', { title: task.title }));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };
  const remove = async (task: Task) => {
    setBusy(task.id);
    try {
      await api(`/tasks/${task.id}`, { method: 'DELETE' });
      onChanged(null, task.id);
      void message.success(t('tasks.deleted'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };
  return { busy, complete, remove };
}
