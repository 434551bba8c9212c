import { CheckOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath } from './task.format.ts';
import { taskKindLabel, taskRecordTypeLabel } from './task.labels.ts';
import type { Task } from './task.types.ts';

const formatTime = (value: string) => dayjs(value).format('MM-DD HH:mm');

type Props = {
  task: Task;
  busy: boolean;
  onComplete(task: Task): void;
  onDelete?(task: Task): void;
  /** The record's name and link; left out on the record's own page. */
  showRecord?: boolean;
  showAssignee?: boolean;
};

/** One task on a line that wraps on a phone: the tick, what to do, when, on what, for whom. */
export function TaskItem({ task, busy, onComplete, onDelete, showRecord = true, showAssignee = false }: Props) {
  const { t } = useTranslation();
  const late = task.due === 'overdue';
  return (
    <Flex gap={10} align="flex-start" data-testid="task-item" data-task-id={task.id} data-due={task.due ?? 'done'}>
      {task.doneAt ? (
        <CheckOutlined style={{ color: '#52c41a', marginTop: 6 }} aria-label={t('tasks.done')} />
      ) : (
        <Button
          shape="circle"
          size="small"
          icon={<CheckOutlined />}
          disabled={!task.canChange}
          loading={busy}
          onClick={() => onComplete(task)}
          aria-label={t('tasks.complete')}
          title={t('tasks.complete')}
          data-testid="task-complete"
        />
      )}
      <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Typography.Text strong delete={task.doneAt !== null} style={{ wordBreak: 'break-word' }} data-testid="task-title">
          {task.title}
        </Typography.Text>
        <Flex gap={6} wrap align="center" style={{ fontSize: 12 }}>
          <Tag style={{ marginInlineEnd: 0 }}>{taskKindLabel(t, task.kind)}</Tag>
          <Typography.Text type={late ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="task-due">
            {task.doneAt ? t('tasks.doneAt', { when: formatTime(task.doneAt) }) : late ? t('tasks.overdueSince', { when: formatTime(task.dueAt) }) : formatTime(task.dueAt)}
          </Typography.Text>
          {showRecord && (
            <Link to={recordPath(task)} style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="task-record">
              {taskRecordTypeLabel(t, task.recordType)} · {task.recordTitle ?? t('tasks.recordGone')}
            </Link>
          )}
          {showAssignee && task.assigneeName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="task-assignee">
              {task.assigneeName}
            </Typography.Text>
          )}
        </Flex>
        {task.note && (
          <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {task.note}
          </Typography.Text>
        )}
      </Flex>
      {onDelete && task.canChange && (
        <Popconfirm title={t('tasks.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }} onConfirm={() => onDelete(task)}>
          <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="task-delete" />
        </Popconfirm>
      )}
    </Flex>
  );
}
