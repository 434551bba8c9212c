import { Badge, Button, Card, Empty, Flex, Segmented, Skeleton, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useMe } from '../../app/session.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { TaskItem } from './task-item.tsx';
import { useTaskActions } from './use-task-actions.ts';
import { isTaskTab, tabQuery } from './task.format.ts';
import { taskTabLabel } from './task.labels.ts';
import { TASK_TABS, type Task, type TaskCounts, type TaskTab } from './task.types.ts';

type Scope = 'mine' | 'team';

/** 我的待办: open follow-ups by overdue / today / upcoming, and what is done; a manager may switch to the team's. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const canSeeTeam = me.dataScope !== 'own';
  const tab: TaskTab = isTaskTab(params.get('tab')) ? (params.get('tab') as TaskTab) : 'today';
  const scope: Scope = canSeeTeam && params.get('scope') === 'team' ? 'team' : 'mine';
  const list = useCursorList<Task>('/tasks', tabQuery(tab, scope));
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  const [countsGeneration, setCountsGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api<TaskCounts>('/tasks/counts', { query: { scope }, signal: controller.signal })
      .then(setCounts)
      .catch(() => undefined); // the badges are a convenience; the list reports its own errors
    return () => controller.abort();
  }, [scope, countsGeneration]);

  const { reload } = list;
  const changed = useCallback(() => {
    reload();
    setCountsGeneration((n) => n + 1);
  }, [reload]);
  const { busy, complete, remove } = useTaskActions(changed);

  const update = (next: { tab?: TaskTab; scope?: Scope }) => {
    const search = new URLSearchParams(params);
    search.set('tab', next.tab ?? tab);
    if ((next.scope ?? scope) === 'team') search.set('scope', 'team');
    else search.delete('scope');
    setParams(search, { replace: true });
  };

  const tabLabel = (key: TaskTab) => {
    const n = key === 'done' ? 0 : (counts?.[key] ?? 0);
    return (
      <span data-testid={`tasks-tab-${key}`}>
        {taskTabLabel(t, key)}
        {n > 0 && <Badge count={n} size="small" color={key === 'overdue' ? 'red' : 'blue'} style={{ marginInlineStart: 6 }} />}
      </span>
    );
  };

  return (
    <>
      <PageHeader
        title={scope === 'team' ? t('tasks.teamTitle') : t('tasks.title')}
        extra={
          canSeeTeam && (
            <Segmented<Scope>
              value={scope}
              onChange={(value) => update({ scope: value })}
              options={[
                { value: 'mine', label: <span data-testid="tasks-scope-mine">{t('tasks.scope.mine')}</span> },
                { value: 'team', label: <span data-testid="tasks-scope-team">{t('tasks.scope.team')}</span> },
              ]}
            />
          )
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} onChange={(key) => update({ tab: key as TaskTab })} items={TASK_TABS.map((key) => ({ key, label: tabLabel(key) }))} data-testid="tasks-tabs" />
        {list.loading ? (
          <Skeleton active />
        ) : list.items.length === 0 ? (
          <Empty description={tab === 'done' ? t('tasks.emptyDone') : t('tasks.empty')} data-testid="tasks-empty" />
        ) : (
          <Flex vertical gap={16} data-testid="tasks-list">
            {list.items.map((task) => (
              <TaskItem key={task.id} task={task} busy={busy === task.id} onComplete={(x) => void complete(x)} onDelete={(x) => void remove(x)} showAssignee={scope === 'team'} />
            ))}
          </Flex>
        )}
        {list.hasMore && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="tasks-load-more">
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('tasks.help')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
