import { MoreOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Flex, Tag, Typography, theme, type MenuProps } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './pipeline.format.ts';
import type { Board, Opportunity, Stage } from './pipeline.types.ts';

export type BoardActions = {
  /** Drag or menu: to an open stage moves, to the won column wins, to the lost column asks for the reason. */
  onDropTo(o: Opportunity, stage: Stage): void;
  onOpen(o: Opportunity): void;
};

const DRAG_TYPE = 'application/x-tide-opportunity';

function OpportunityCard({ o, stages, canWrite, actions }: { o: Opportunity; stages: Stage[]; canWrite: boolean; actions: BoardActions }) {
  const { t, i18n } = useTranslation();
  const open = o.status === 'open';
  const menu: MenuProps['items'] = stages
    .filter((s) => s.id !== o.stageId)
    .map((s) => ({ key: s.id, label: s.kind === 'open' ? t('pipeline.board.moveTo', { stage: s.name }) : s.kind === 'won' ? t('pipeline.action.won') : t('pipeline.action.lost'), 'data-testid': `card-menu-${s.name}` }) as NonNullable<MenuProps['items']>[number]);
  const probability = o.winProbability ?? o.stageProbability;
  return (
    <Card
      size="small"
      hoverable
      draggable={canWrite && open}
      onDragStart={(e: DragEvent) => {
        e.dataTransfer.setData(DRAG_TYPE, o.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => actions.onOpen(o)}
      data-testid="opportunity-card"
      data-opportunity-id={o.id}
      style={{ cursor: canWrite && open ? 'grab' : 'pointer' }}
      styles={{ body: { padding: 10 } }}
    >
      <Flex justify="space-between" align="start" gap={4}>
        <Typography.Text strong ellipsis style={{ maxWidth: 170 }} data-testid="opportunity-card-name">
          {o.name}
        </Typography.Text>
        {canWrite && open && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: menu,
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                const stage = stages.find((s) => s.id === key);
                if (stage) actions.onDropTo(o, stage);
              },
            }}
          >
            <Button size="small" type="text" icon={<MoreOutlined />} onClick={(e) => e.stopPropagation()} aria-label={t('pipeline.board.moveMenu')} data-testid="opportunity-card-menu" />
          </Dropdown>
        )}
      </Flex>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
        {o.customerName ?? '—'}
      </Typography.Text>
      <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
        <Typography.Text style={{ fontSize: 13 }}>{formatMoney(o.amount, o.currency, i18n.language)}</Typography.Text>
        {open && probability !== null && <Tag style={{ marginInlineEnd: 0 }}>{probability}%</Tag>}
      </Flex>
      {o.ownerName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {o.ownerName}
        </Typography.Text>
      )}
    </Card>
  );
}

/** One column per stage; open opportunities are dragged between columns (a menu on each card does the same on phones). */
export function OpportunityBoard({ board, canWrite, actions }: { board: Board; canWrite: boolean; actions: BoardActions }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const [over, setOver] = useState<string | null>(null);
  const byId = new Map(board.columns.flatMap((c) => c.items.map((o) => [o.id, o] as const)));
  const stages = board.columns.map((c) => c.stage);

  const drop = (e: DragEvent, stage: Stage) => {
    e.preventDefault();
    setOver(null);
    const o = byId.get(e.dataTransfer.getData(DRAG_TYPE));
    if (o && o.stageId !== stage.id) actions.onDropTo(o, stage);
  };

  return (
    <div style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="opportunity-board">
      <Flex gap={12} align="start" style={{ minWidth: 'min-content' }}>
        {board.columns.map((column) => (
          <div
            key={column.stage.id}
            data-testid="board-column"
            data-stage-name={column.stage.name}
            onDragOver={(e) => {
              if (!canWrite) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (over !== column.stage.id) setOver(column.stage.id);
            }}
            onDragLeave={() => setOver((current) => (current === column.stage.id ? null : current))}
            onDrop={(e) => drop(e, column.stage)}
            style={{
              width: 240,
              flex: '0 0 240px',
              background: over === column.stage.id ? token.colorPrimaryBg : token.colorFillQuaternary,
              border: `1px dashed ${over === column.stage.id ? token.colorPrimary : 'transparent'}`,
              borderRadius: token.borderRadiusLG,
              padding: 8,
              minHeight: 200,
            }}
          >
            <Flex vertical gap={2} style={{ marginBottom: 8 }}>
              <Flex justify="space-between" align="center">
                <Typography.Text strong>
                  {column.stage.name}
                  {column.stage.kind === 'open' && <Typography.Text type="secondary"> · {column.stage.probability}%</Typography.Text>}
                </Typography.Text>
                <Tag data-testid="board-column-count" style={{ marginInlineEnd: 0 }}>
                  {column.count}
                </Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="board-column-amount">
                {formatMoney(column.amount, 'CNY', i18n.language)}
              </Typography.Text>
            </Flex>
            <Flex vertical gap={8}>
              {column.items.map((o) => (
                <OpportunityCard key={o.id} o={o} stages={stages} canWrite={canWrite} actions={actions} />
              ))}
              {column.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pipeline.board.empty')} />}
              {column.count > column.items.length && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('pipeline.board.more', { count: column.count - column.items.length })}
                </Typography.Text>
              )}
            </Flex>
          </div>
        ))}
      </Flex>
    </div>
  );
}
