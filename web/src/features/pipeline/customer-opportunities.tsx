import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Page } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { OpportunityCreateModal } from './opportunity-create.modal.tsx';
import { OpportunityDrawer, StatusTag } from './opportunity.drawer.tsx';
import { LostReasonModal } from './lost-reason.modal.tsx';
import { usePipelines } from './pipeline.api.ts';
import { formatMoney } from './pipeline.format.ts';
import type { Opportunity } from './pipeline.types.ts';

/** The customer page's opportunities: a short list, a create button, and the opportunity drawer. */
export function CustomerOpportunities({ customer }: { customer: { id: string; name: string } }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const onError = useErrorHandler();
  const { pipelines } = usePipelines();
  const [items, setItems] = useState<Opportunity[]>([]);
  const [generation, setGeneration] = useState(0);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [losing, setLosing] = useState<Opportunity | null>(null);
  const refresh = () => setGeneration((n) => n + 1);

  useEffect(() => {
    const controller = new AbortController();
    api<Page<Opportunity>>('/opportunities', { query: { customerId: customer.id, limit: 100 }, signal: controller.signal })
      .then((page) => setItems(page.items))
      .catch(onError);
    return () => controller.abort();
  }, [customer.id, generation, onError]);

  return (
    <Flex vertical gap={12} data-testid="customer-opportunities">
      {can('pipeline.write') && (
        <Flex justify="end">
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-opportunity-create">
            {t('pipeline.customerSection.create')}
          </Button>
        </Flex>
      )}
      <Table<Opportunity>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('pipeline.customerSection.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('pipeline.field.name'), dataIndex: 'name', render: (name: string, o) => <a onClick={() => setOpenId(o.id)}>{name}</a> },
          { title: t('pipeline.field.stage'), dataIndex: 'stageName' },
          { title: t('pipeline.field.status'), dataIndex: 'status', render: (s: Opportunity['status']) => <StatusTag status={s} /> },
          { title: t('pipeline.field.amount'), dataIndex: 'amount', align: 'right', render: (v: string, o) => formatMoney(v, o.currency, i18n.language) },
          { title: t('pipeline.field.expectedCloseDate'), dataIndex: 'expectedCloseDate', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Link to="/opportunities?view=list">{t('pipeline.nav.opportunities')} →</Link>
      <OpportunityCreateModal
        open={creating}
        pipelines={pipelines}
        customer={customer}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          refresh();
        }}
      />
      <OpportunityDrawer opportunityId={openId} reloadKey={generation} onClose={() => setOpenId(null)} onChanged={refresh} onLost={setLosing} />
      <LostReasonModal
        opportunity={losing}
        onClose={() => setLosing(null)}
        onDone={() => {
          setLosing(null);
          refresh();
        }}
      />
    </Flex>
  );
}
