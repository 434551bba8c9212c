import { EyeOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, Popconfirm, Radio, Result, Row, Select, Statistic, Steps, Table, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { teamTreeOptions } from '../org/team-tree.ts';
import { useTeams } from '../org/use-teams.ts';
import { handoverIncludeLabel, recordTypeLabel } from './pool.labels.ts';
import { HANDOVER_INCLUDES, type HandoverBody, type HandoverInclude, type HandoverMethod, type HandoverPlan } from './pool.types.ts';
import { usePeople } from './use-pools.ts';

type Values = { fromUserId?: string; target: 'user' | 'team'; toUserId?: string; toTeamId?: string; method: HandoverMethod; include: HandoverInclude[]; note?: string };
type Recipient = HandoverPlan['recipients'][number];
type SampleRow = HandoverPlan['sample'][number];

function bodyOf(values: Values): HandoverBody {
  const note = values.note?.trim();
  return {
    fromUserId: values.fromUserId ?? '',
    ...(values.target === 'user' ? { toUserId: values.toUserId } : { toTeamId: values.toTeamId, method: values.method }),
    include: values.include,
    ...(note ? { note } : {}),
  };
}

function PlanView({ plan, names }: { plan: HandoverPlan; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const recipientColumns: TableColumnsType<Recipient> = [
    { title: t('pool.handover.recipient'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('pool.handover.include.leads'), dataIndex: 'leads', align: 'right' },
    { title: t('pool.handover.include.customers'), dataIndex: 'customers', align: 'right' },
    { title: t('pool.handover.include.opportunities'), dataIndex: 'opportunities', align: 'right' },
    { title: t('pool.handover.include.tasks'), dataIndex: 'tasks', align: 'right' },
  ];
  const sampleColumns: TableColumnsType<SampleRow> = [
    { title: t('pool.field.type'), dataIndex: 'type', render: (v: SampleRow['type']) => recordTypeLabel(t, v) },
    { title: t('pool.field.title'), dataIndex: 'title' },
    { title: t('pool.handover.goesTo'), dataIndex: 'toUserId', render: (v: string) => plan.recipients.find((r) => r.userId === v)?.name ?? names.get(v) ?? '…' },
  ];
  return (
    <Flex vertical gap={16} data-testid="handover-plan">
      <Row gutter={[16, 16]}>
        {HANDOVER_INCLUDES.map((key) => (
          <Col xs={12} sm={6} key={key}>
            <Statistic title={handoverIncludeLabel(t, key)} value={plan.totals[key]} data-testid={`handover-total-${key}`} />
          </Col>
        ))}
      </Row>
      <Table<Recipient> rowKey="userId" size="small" columns={recipientColumns} dataSource={plan.recipients} pagination={false} scroll={{ x: 'max-content' }} data-testid="handover-recipients" locale={{ emptyText: t('pool.handover.nobody') }} />
      {plan.sample.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('pool.handover.sample')}</Typography.Text>
          <Table<SampleRow> rowKey={(r) => `${r.type}:${r.id}`} size="small" columns={sampleColumns} dataSource={plan.sample} pagination={false} scroll={{ x: 'max-content' }} data-testid="handover-sample" />
        </>
      )}
    </Flex>
  );
}

/** 离职继承 / 在职转接: move one person's leads, customers and opportunities to a colleague or a team, preview first. */
export function HandoverPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const { people, names } = usePeople();
  const { teams } = useTeams();
  const [preview, setPreview] = useState<HandoverPlan | null>(null);
  const [done, setDone] = useState<HandoverPlan | null>(null);
  const [busy, setBusy] = useState<'preview' | 'run' | null>(null);
  const values = Form.useWatch([], form) as Values | undefined;
  const from = values?.fromUserId;
  const target = values?.target ?? 'user';

  const initial: Values = useMemo(() => ({ fromUserId: params.get('from') ?? undefined, target: 'user', method: 'round_robin', include: [...HANDOVER_INCLUDES] }), [params]);

  const personLabel = (p: { name: string; status: string }) => (p.status === 'active' ? p.name : `${p.name}（${t('pool.inactive')}）`);
  const fromOptions = people.map((p) => ({ value: p.userId, label: personLabel(p) }));
  const toOptions = people.filter((p) => p.status === 'active' && p.userId !== from).map((p) => ({ value: p.userId, label: p.name }));

  const submit = async (mode: 'preview' | 'run') => {
    let checked: Values;
    try {
      checked = await form.validateFields();
    } catch {
      return;
    }
    setBusy(mode);
    try {
      const plan = await api<HandoverPlan>(mode === 'preview' ? '/pool/handover/preview' : '/pool/handover', { method: 'POST', body: bodyOf(checked) });
      if (mode === 'preview') setPreview(plan);
      else {
        setDone(plan);
        void message.success(t('pool.handover.done'));
      }
    } catch (error) {
      onError(error, form);
    } finally {
      setBusy(null);
    }
  };

  const current = done ? 3 : preview ? 2 : from ? 1 : 0;
  const fromName = (done ?? preview)?.fromName ?? (from ? (names.get(from) ?? '') : '');
  const empty = preview ? preview.totals.leads + preview.totals.customers + preview.totals.opportunities + preview.totals.tasks === 0 : false;

  return (
    <>
      <PageHeader title={t('pool.handover.title')} />
      <div style={{ overflowX: 'auto', marginBottom: 16 }}>
        <Steps
          current={current}
          size="small"
          responsive={false}
          style={{ minWidth: 420 }}
          data-testid="handover-steps"
          items={[{ title: t('pool.handover.step.from') }, { title: t('pool.handover.step.to') }, { title: t('pool.handover.step.preview') }, { title: t('pool.handover.step.done') }]}
        />
      </div>
      {done ? (
        <Card>
          <Result
            status="success"
            title={t('pool.handover.doneTitle', { name: fromName })}
            subTitle={done.handoverId ? t('pool.handover.doneId', { id: done.handoverId }) : undefined}
            data-testid="handover-result"
            extra={
              <Button
                type="primary"
                onClick={() => {
                  setDone(null);
                  setPreview(null);
                  form.resetFields();
                  form.setFieldsValue({ ...initial, fromUserId: undefined });
                }}
                data-testid="handover-again"
              >
                {t('pool.handover.again')}
              </Button>
            }
          />
          <PlanView plan={done} names={names} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card title={t('pool.handover.setup')} size="small">
              <Typography.Paragraph type="secondary">{t('pool.handover.help')}</Typography.Paragraph>
              <Form<Values> form={form} layout="vertical" initialValues={initial} onValuesChange={() => setPreview(null)} data-testid="handover-form">
                <Form.Item name="fromUserId" label={t('pool.handover.from')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={fromOptions} data-testid="handover-from" />
                </Form.Item>
                <Form.Item name="target" label={t('pool.handover.to')}>
                  <Radio.Group
                    optionType="button"
                    data-testid="handover-target"
                    options={[
                      { value: 'user', label: <span data-testid="handover-target-user">{t('pool.handover.toPerson')}</span> },
                      { value: 'team', label: <span data-testid="handover-target-team">{t('pool.handover.toTeam')}</span> },
                    ]}
                  />
                </Form.Item>
                {target === 'user' ? (
                  <Form.Item name="toUserId" label={t('pool.handover.person')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={toOptions} data-testid="handover-to-user" />
                  </Form.Item>
                ) : (
                  <>
                    <Form.Item name="toTeamId" label={t('pool.handover.team')} rules={[{ required: true, message: t('validation.required') }]}>
                      <TreeSelect treeData={teamTreeOptions(teams)} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} data-testid="handover-to-team" />
                    </Form.Item>
                    <Form.Item name="method" label={t('pool.handover.method')}>
                      <Radio.Group data-testid="handover-method">
                        <Radio value="round_robin">{t('pool.handover.methods.round_robin')}</Radio>
                        <Radio value="least_loaded">{t('pool.handover.methods.least_loaded')}</Radio>
                      </Radio.Group>
                    </Form.Item>
                  </>
                )}
                <Form.Item name="include" label={t('pool.handover.includeLabel')} rules={[{ required: true, type: 'array', min: 1, message: t('pool.handover.includeRequired') }]}>
                  <Checkbox.Group options={HANDOVER_INCLUDES.map((key) => ({ value: key, label: <span data-testid={`handover-include-${key}`}>{handoverIncludeLabel(t, key)}</span> }))} />
                </Form.Item>
                <Form.Item name="note" label={t('pool.handover.note')}>
                  <Input.TextArea rows={2} maxLength={500} data-testid="handover-note" />
                </Form.Item>
                <Button icon={<EyeOutlined />} type="primary" ghost loading={busy === 'preview'} onClick={() => void submit('preview')} data-testid="handover-preview">
                  {t('pool.handover.preview')}
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={t('pool.handover.step.preview')} size="small">
              {preview ? (
                <Flex vertical gap={16}>
                  <PlanView plan={preview} names={names} />
                  {empty ? (
                    <Alert type="info" showIcon title={t('pool.handover.nothing', { name: fromName })} data-testid="handover-nothing" />
                  ) : (
                    <Popconfirm
                      title={t('pool.handover.confirm', { name: fromName })}
                      description={t('pool.handover.confirmHelp')}
                      okText={t('pool.handover.run')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                      onConfirm={() => void submit('run')}
                    >
                      <Button type="primary" danger icon={<SendOutlined />} loading={busy === 'run'} style={{ alignSelf: 'flex-start' }} data-testid="handover-run">
                        {t('pool.handover.run')}
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              ) : (
                <Typography.Text type="secondary" data-testid="handover-no-preview">
                  {t('pool.handover.previewFirst')}
                </Typography.Text>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
