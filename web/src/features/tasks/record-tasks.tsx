import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Divider, Empty, Flex, Skeleton } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { TaskForm } from './task-form.tsx';
import { TaskItem } from './task-item.tsx';
import { useTaskActions } from './use-task-actions.ts';
import type { Task, TaskRecordType } from './task.types.ts';

/** 下次跟进: the open tasks on a lead or customer, everyone's, soonest first, and a form to plan the next one. */
export function RecordTasks({ recordType, recordId, style }: { recordType: TaskRecordType; recordId: string; style?: CSSProperties }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const onError = useErrorHandler();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [adding, setAdding] = useState(false);
  const canWrite = can('leads.write') || can('customers.write');
  const { busy, complete, remove } = useTaskActions((_task, id) => setTasks((list) => (list ?? []).filter((x) => x.id !== id)));

  useEffect(() => {
    const controller = new AbortController();
    setTasks(null);
    api<Page<Task>>('/tasks', { query: { recordType, recordId, status: 'open', limit: 50 }, signal: controller.signal })
      .then((page) => setTasks(page.items))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setTasks([]);
        onError(error);
      });
    return () => controller.abort();
  }, [recordType, recordId, onError]);

  const title = (
    <Flex align="center" gap={8}>
      {t('tasks.record.title')}
      {tasks && tasks.length > 0 && <Badge count={tasks.length} color={tasks.some((x) => x.due === 'overdue') ? 'red' : 'blue'} data-testid="record-tasks-count" />}
    </Flex>
  );
  const extra = canWrite && !adding && (
    <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="record-task-add">
      {t('tasks.record.add')}
    </Button>
  );

  return (
    <Card title={title} extra={extra} size="small" style={style} data-testid="record-tasks">
      {adding && (
        <>
          <TaskForm
            recordType={recordType}
            recordId={recordId}
            onCreated={(task) => {
              setTasks((list) => [...(list ?? []), task].sort((a, b) => a.dueAt.localeCompare(b.dueAt)));
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
          <Divider style={{ margin: '12px 0' }} />
        </>
      )}
      {tasks === null ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.record.empty')} style={{ margin: 0 }} />
      ) : (
        <Flex vertical gap={12} data-testid="record-tasks-list">
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} busy={busy === task.id} onComplete={(x) => void complete(x)} onDelete={(x) => void remove(x)} showRecord={false} showAssignee />
          ))}
        </Flex>
      )}
    </Card>
  );
}
