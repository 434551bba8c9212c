import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, InputNumber, Popconfirm, Skeleton, Switch, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { RuleEditorModal } from './rule-editor.modal.tsx';
import { conditionText, moveItem } from './scoring-fields.ts';
import { ModelCard } from './scoring-model.card.tsx';
import { PreviewCard } from './scoring-preview.card.tsx';
import { conditionWords } from './scoring.labels.ts';
import type { ModelStatus, ScoringRule, ScoringSettings, ScoringTarget } from './scoring.types.ts';

/** A target's rules in order: edit, switch on/off, move, delete. */
function RulesCard({ target, onChanged }: { target: ScoringTarget; onChanged(): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [rules, setRules] = useState<ScoringRule[] | null>(null);
  const [editing, setEditing] = useState<{ rule: ScoringRule | null } | null>(null);

  const load = useCallback(() => {
    api<{ items: ScoringRule[] }>('/scoring/rules', { query: { target } }).then((r) => setRules(r.items), onError);
  }, [target, onError]);
  useEffect(load, [load]);

  const changed = () => {
    load();
    onChanged();
  };
  const patch = async (rule: ScoringRule, body: Partial<ScoringRule>) => {
    try {
      await api(`/scoring/rules/${rule.id}`, { method: 'PATCH', body });
      changed();
    } catch (error) {
      onError(error);
    }
  };
  const move = async (index: number, delta: -1 | 1) => {
    if (!rules) return;
    const ids = moveItem(rules, index, delta).map((r) => r.id);
    try {
      const result = await api<{ items: ScoringRule[] }>('/scoring/rules/order', { method: 'PUT', body: { target, ids } });
      setRules(result.items);
    } catch (error) {
      onError(error);
    }
  };
  const remove = async (rule: ScoringRule) => {
    try {
      await api(`/scoring/rules/${rule.id}`, { method: 'DELETE' });
      changed();
    } catch (error) {
      onError(error);
    }
  };

  const words = conditionWords(t);
  const columns: TableColumnsType<ScoringRule> = [
    { title: t('scoring.ruleName'), dataIndex: 'name', key: 'name', render: (name: string) => <span data-testid="rule-name-cell">{name}</span> },
    { title: t('scoring.condition'), key: 'condition', render: (_, rule) => <Typography.Text type="secondary">{conditionText(rule.condition, words)}</Typography.Text> },
    {
      title: t('scoring.points'),
      dataIndex: 'points',
      key: 'points',
      width: 80,
      render: (points: number) => (
        <Tag color={points >= 0 ? 'green' : 'red'} data-testid="rule-points-cell">
          {points > 0 ? `+${points}` : points}
        </Tag>
      ),
    },
    { title: t('scoring.enabled'), key: 'enabled', width: 80, render: (_, rule) => <Switch size="small" checked={rule.enabled} onChange={(enabled) => void patch(rule, { enabled })} data-testid="rule-enabled" /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, rule, index) => (
        <Flex gap={4}>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('scoring.moveUp')} onClick={() => void move(index, -1)} data-testid="rule-up" />
          <Button size="small" icon={<ArrowDownOutlined />} disabled={index === (rules?.length ?? 0) - 1} aria-label={t('scoring.moveDown')} onClick={() => void move(index, 1)} data-testid="rule-down" />
          <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing({ rule })} data-testid="rule-edit" />
          <Popconfirm title={t('scoring.deleteConfirm', { name: rule.name })} onConfirm={() => void remove(rule)} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'confirm-ok' }}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid="rule-delete" />
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('scoring.rules')}
      extra={
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })} data-testid="rule-add">
          {t('scoring.addRule')}
        </Button>
      }
    >
      <Table rowKey="id" size="small" loading={!rules} dataSource={rules ?? []} columns={columns} pagination={false} scroll={{ x: 700 }} data-testid="rules-table" rowClassName={() => 'rule-row'} />
      <RuleEditorModal
        target={target}
        rule={editing?.rule ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
    </Card>
  );
}

/** Base score, model weight and the history needed before a model is trained. */
function SettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useErrorHandler();
  const [form] = Form.useForm<ScoringSettings>();
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    api<ScoringSettings>('/scoring/settings').then((s) => {
      form.setFieldsValue(s);
      setLoaded(true);
    }, onError);
  }, [form, onError]);
  const save = async () => {
    let values: ScoringSettings;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      form.setFieldsValue(await api<ScoringSettings>('/scoring/settings', { method: 'PUT', body: values }));
      void message.success(t('scoring.settings.saved'));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('scoring.settings.title')} data-testid="scoring-settings">
      {!loaded && <Skeleton active paragraph={{ rows: 1 }} />}
      <Form form={form} layout="inline" style={{ display: loaded ? undefined : 'none', rowGap: 8 }}>
        <Form.Item name="base" label={t('scoring.settings.base')} rules={[{ required: true, type: 'integer', min: 0, max: 100 }]}>
          <InputNumber min={0} max={100} precision={0} data-testid="settings-base" />
        </Form.Item>
        <Form.Item name="modelWeight" label={t('scoring.settings.modelWeight')} tooltip={t('scoring.settings.modelWeightHelp')} rules={[{ required: true, type: 'number', min: 0, max: 1 }]}>
          <InputNumber min={0} max={1} step={0.05} data-testid="settings-model-weight" />
        </Form.Item>
        <Form.Item name="minHistory" label={t('scoring.settings.minHistory')} rules={[{ required: true, type: 'integer', min: 20 }]}>
          <InputNumber min={20} precision={0} data-testid="settings-min-history" />
        </Form.Item>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function TargetPane({ target, status, reloadStatus }: { target: ScoringTarget; status: ModelStatus | undefined; reloadStatus(): void }) {
  return (
    <Flex vertical gap={16}>
      <RulesCard target={target} onChanged={reloadStatus} />
      <ModelCard target={target} status={status} onRetrained={reloadStatus} />
      <PreviewCard target={target} />
    </Flex>
  );
}

/** /settings/scoring: rules, the learned model and a try-it form per target (leads, opportunities). */
export function ScoringSettingsPage() {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [statuses, setStatuses] = useState<ModelStatus[]>([]);
  const reloadStatus = useCallback(() => {
    api<{ items: ModelStatus[] }>('/scoring/models').then((r) => setStatuses(r.items), onError);
  }, [onError]);
  useEffect(reloadStatus, [reloadStatus]);
  const status = (target: ScoringTarget) => statuses.find((s) => s.target === target);
  return (
    <div data-testid="scoring-page">
      <PageHeader title={t('scoring.title')} />
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('scoring.intro')}
        </Typography.Paragraph>
        <SettingsCard />
        <Tabs
          destroyOnHidden
          items={[
            { key: 'lead', label: <span data-testid="tab-lead">{t('scoring.target.lead')}</span>, children: <TargetPane target="lead" status={status('lead')} reloadStatus={reloadStatus} /> },
            { key: 'opportunity', label: <span data-testid="tab-opportunity">{t('scoring.target.opportunity')}</span>, children: <TargetPane target="opportunity" status={status('opportunity')} reloadStatus={reloadStatus} /> },
          ]}
        />
      </Flex>
    </div>
  );
}
