import { AutoComplete, Button, Col, DatePicker, Flex, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/page-header.tsx';
import { useCursorList } from '../../app/use-cursor-list.ts';
import { UserSelect } from '../org/user-select.tsx';

export type AuditRecord = {
  id: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
};

type Filters = { action?: string; entity?: string; actorUserId?: string; range?: [Dayjs | null, Dayjs | null] | null };

// Suggestions only: the filters accept any text, since modules add actions over time.
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.password_change',
  'team.create',
  'team.update',
  'team.delete',
  'role.update',
  'api_token.create',
  'api_token.revoke',
  'tenant.create',
];
const KNOWN_ENTITIES = ['user', 'team', 'role', 'session', 'api_token', 'tenant', 'customer'];

function JsonBlock({ value, testId }: { value: unknown; testId: string }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('audit.none')}
      </Typography.Text>
    );
  }
  return (
    <pre className="json-block" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function AuditDetails({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  return (
    <div data-testid="audit-details">
      <Row gutter={[16, 8]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <JsonBlock value={record.before} testId="audit-before" />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <JsonBlock value={record.after} testId="audit-after" />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        {t('audit.ip')}: {record.ip ?? '—'} · {t('audit.requestId')}: {record.requestId ?? '—'}
      </Typography.Text>
    </div>
  );
}

const suggestions = (list: string[], text: string | undefined) =>
  list.filter((item) => !text || item.includes(text)).map((value) => ({ value }));

export function AuditLogPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>({});
  const [applied, setApplied] = useState<Filters>({});
  const [from, to] = applied.range ?? [null, null];
  const list = useCursorList<AuditRecord>('/audit-log', {
    action: applied.action?.trim(),
    entity: applied.entity?.trim(),
    actorUserId: applied.actorUserId,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.endOf('day').toISOString() : undefined,
  });

  const columns: TableColumnsType<AuditRecord> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(at).format('YYYY-MM-DD HH:mm:ss')}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_: unknown, record) => record.actorName ?? (record.actorUserId ? record.actorUserId.slice(0, 8) : t('audit.system')),
    },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (action: string) => <Tag>{action}</Tag> },
    { title: t('audit.entity'), dataIndex: 'entity', key: 'entity' },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      key: 'entityId',
      render: (id: string | null) =>
        id ? (
          <Typography.Text copyable={{ text: id }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {id.length > 12 ? `${id.slice(0, 8)}…` : id}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <AutoComplete
          allowClear
          placeholder={t('audit.action')}
          value={draft.action}
          onChange={(action: string) => setDraft((d) => ({ ...d, action }))}
          options={suggestions(KNOWN_ACTIONS, draft.action)}
          style={{ width: 200, maxWidth: '100%' }}
          data-testid="audit-filter-action"
        />
        <AutoComplete
          allowClear
          placeholder={t('audit.entity')}
          value={draft.entity}
          onChange={(entity: string) => setDraft((d) => ({ ...d, entity }))}
          options={suggestions(KNOWN_ENTITIES, draft.entity)}
          style={{ width: 160, maxWidth: '100%' }}
          data-testid="audit-filter-entity"
        />
        <UserSelect
          allowClear
          placeholder={t('audit.actor')}
          value={draft.actorUserId}
          onChange={(actorUserId) => setDraft((d) => ({ ...d, actorUserId }))}
          style={{ width: 200, maxWidth: '100%' }}
          data-testid="audit-filter-actor"
        />
        <DatePicker.RangePicker
          value={draft.range ?? null}
          onChange={(range) => setDraft((d) => ({ ...d, range }))}
          style={{ maxWidth: '100%' }}
          data-testid="audit-filter-range"
        />
        <Button type="primary" data-testid="audit-apply" onClick={() => setApplied(draft)}>
          {t('common.search')}
        </Button>
        <Button
          data-testid="audit-reset"
          onClick={() => {
            setDraft({});
            setApplied({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
      <Table<AuditRecord>
        rowKey="id"
        size="middle"
        data-testid="audit-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (record) => <AuditDetails record={record} /> }}
      />
      {list.hasMore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="audit-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
