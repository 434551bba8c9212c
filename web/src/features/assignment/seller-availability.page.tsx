import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Form, InputNumber, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { percent } from './assignment-fields.ts';
import type { SellerAvailability } from './assignment.types.ts';

type Values = { absence: [Dayjs | null, Dayjs | null] | null; leadCap: number | null };
type Record = { userId: string; tenantRate: number; base: { trials: number; wins: number; rate: number }; features: { feature: string; trials: number; wins: number; rate: number }[] };

/** Absences and personal lead caps: one's own, or the team's for a manager; and each seller's matching record. */
export function SellerAvailabilityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [rows, setRows] = useState<SellerAvailability[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<SellerAvailability | null>(null);
  const [record, setRecord] = useState<{ name: string; data: Record } | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api<SellerAvailability[]>('/assignment/availability')
      .then(setRows)
      .catch(onError)
      .finally(() => setLoading(false));
  }, [onError]);
  useEffect(load, [load]);

  const open = (row: SellerAvailability) => {
    setEditing(row);
    form.setFieldsValue({ absence: row.absentFrom || row.absentUntil ? [row.absentFrom ? dayjs(row.absentFrom) : null, row.absentUntil ? dayjs(row.absentUntil) : null] : null, leadCap: row.leadCap });
  };
  const save = async () => {
    if (!editing) return;
    const v = form.getFieldsValue();
    const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
    setSaving(true);
    try {
      await api(`/assignment/availability/${editing.userId}`, { method: 'PUT', body: { absentFrom: day(v.absence?.[0]), absentUntil: day(v.absence?.[1]), leadCap: v.leadCap ?? null } });
      void message.success(t('assignment.saved'));
      setEditing(null);
      load();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };
  const showRecord = async (row: SellerAvailability) => {
    try {
      setRecord({ name: row.name, data: await api<Record>(`/assignment/seller-stats/${row.userId}`) });
    } catch (error) {
      onError(error);
    }
  };

  const columns: TableColumnsType<SellerAvailability> = [
    { title: t('assignment.availability.person'), dataIndex: 'name', render: (name: string, row) => (row.status === 'inactive' ? <Typography.Text delete>{name}</Typography.Text> : name) },
    {
      title: t('assignment.availability.status'),
      render: (_, row) => (row.status === 'inactive' ? <Tag>{t('assignment.why.inactive')}</Tag> : row.absentToday ? <Tag color="orange">{t('assignment.why.absent')}</Tag> : <Tag color="green">{t('assignment.availability.available')}</Tag>),
    },
    { title: t('assignment.availability.absence'), render: (_, row) => (row.absentFrom || row.absentUntil ? `${row.absentFrom ?? '…'} ~ ${row.absentUntil ?? '…'}` : '—') },
    { title: t('assignment.availability.leadCap'), dataIndex: 'leadCap', render: (cap: number | null) => cap ?? '—' },
    {
      title: t('common.actions'),
      render: (_, row) => (
        <>
          <Button size="small" icon={<EditOutlined />} onClick={() => open(row)} data-testid={`availability-edit-${row.name}`}>
            {t('common.edit')}
          </Button>{' '}
          <Button size="small" type="link" onClick={() => void showRecord(row)}>
            {t('assignment.stats.title')}
          </Button>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('assignment.availability.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('assignment.availability.intro')}</Typography.Paragraph>
        <Table<SellerAvailability> rowKey="userId" loading={loading} columns={columns} dataSource={rows} pagination={false} data-testid="availability-table" scroll={{ x: 640 }} />
      </Card>
      <Modal open={editing !== null} title={editing?.name} onCancel={() => setEditing(null)} onOk={() => void save()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'availability-save' }}>
        <Form form={form} layout="vertical">
          <Form.Item name="absence" label={t('assignment.availability.absence')} extra={t('assignment.availability.absenceHint')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="availability-absence" />
          </Form.Item>
          <Form.Item name="leadCap" label={t('assignment.availability.leadCap')} extra={t('assignment.availability.leadCapHint')}>
            <InputNumber min={1} precision={0} data-testid="availability-cap" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={record !== null} title={`${t('assignment.stats.title')} · ${record?.name ?? ''}`} footer={null} onCancel={() => setRecord(null)} width={640}>
        {record && (
          <>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('assignment.stats.trials')}>{record.data.base.trials}</Descriptions.Item>
              <Descriptions.Item label={t('assignment.stats.wins')}>{record.data.base.wins}</Descriptions.Item>
              <Descriptions.Item label={t('assignment.stats.rate')}>{percent(record.data.base.rate)}</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="feature"
              pagination={{ pageSize: 10 }}
              dataSource={record.data.features}
              columns={[
                { title: t('assignment.stats.feature'), dataIndex: 'feature' },
                { title: t('assignment.stats.trials'), dataIndex: 'trials' },
                { title: t('assignment.stats.wins'), dataIndex: 'wins' },
                { title: t('assignment.stats.rate'), dataIndex: 'rate', render: percent },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
