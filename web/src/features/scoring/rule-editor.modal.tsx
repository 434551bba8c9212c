import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { FIELDS, fromEditor, kindOf, needsList, needsValue, operatorsFor, toEditor, type EditorClause, type EditorCondition } from './scoring-fields.ts';
import { conditionWords, fieldLabel, operatorLabel } from './scoring.labels.ts';
import { conditionText } from './scoring-fields.ts';
import type { ScoringRule, ScoringTarget } from './scoring.types.ts';

type Values = { name: string; points: number; enabled: boolean };

/** One clause: field, operator, and a value input that fits the field. */
function ClauseRow({ target, clause, index, onChange, onRemove }: { target: ScoringTarget; clause: EditorClause; index: number; onChange(c: EditorClause): void; onRemove(): void }) {
  const { t } = useTranslation();
  const kind = kindOf(target, clause.field);
  const ops = operatorsFor(kind);
  const valueInput = () => {
    if (!needsValue(clause.op)) return null;
    if (kind === 'boolean') {
      return (
        <Select
          style={{ width: 100 }}
          value={clause.value === true ? 'true' : clause.value === false ? 'false' : undefined}
          options={[{ value: 'true', label: t('scoring.yes') }, { value: 'false', label: t('scoring.no') }]}
          onChange={(v) => onChange({ ...clause, value: v === 'true' })}
          data-testid={`rule-clause-value-${index}`}
        />
      );
    }
    if (needsList(clause.op)) {
      return (
        <Select
          mode="tags"
          style={{ minWidth: 180, flex: 1 }}
          value={Array.isArray(clause.value) ? clause.value.map(String) : []}
          onChange={(v: string[]) => onChange({ ...clause, value: v })}
          tokenSeparators={[',', '，']}
          open={false}
          placeholder={t('scoring.listPlaceholder')}
          data-testid={`rule-clause-value-${index}`}
        />
      );
    }
    if (kind === 'number') {
      return <InputNumber style={{ width: 120 }} value={typeof clause.value === 'number' ? clause.value : undefined} onChange={(v) => onChange({ ...clause, value: v ?? undefined })} data-testid={`rule-clause-value-${index}`} />;
    }
    return <Input style={{ width: 180 }} maxLength={200} value={typeof clause.value === 'string' ? clause.value : ''} onChange={(e) => onChange({ ...clause, value: e.target.value })} data-testid={`rule-clause-value-${index}`} />;
  };
  return (
    <Flex gap={6} wrap align="center" data-testid="rule-clause">
      <Select
        style={{ width: 170 }}
        value={clause.field}
        options={FIELDS[target].map((f) => ({ value: f.field, label: fieldLabel(t, f.field) }))}
        onChange={(field: string) => {
          const nextOps = operatorsFor(kindOf(target, field));
          onChange({ field, op: nextOps.includes(clause.op) ? clause.op : nextOps[0]!, value: undefined });
        }}
        popupMatchSelectWidth={false}
        data-testid={`rule-clause-field-${index}`}
      />
      <Select style={{ width: 110 }} value={clause.op} options={ops.map((op) => ({ value: op, label: operatorLabel(t, op) }))} onChange={(op) => onChange({ ...clause, op, value: needsList(op) !== needsList(clause.op) ? undefined : clause.value })} data-testid={`rule-clause-op-${index}`} />
      {valueInput()}
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={onRemove} />
    </Flex>
  );
}

/** Create or edit a rule; the server checks the condition and names a bad clause by its path. */
export function RuleEditorModal({ target, rule, open, onClose, onSaved }: { target: ScoringTarget; rule: ScoringRule | null; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const [condition, setCondition] = useState<EditorCondition | null>({ join: 'all', clauses: [] });
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(rule ? { name: rule.name, points: rule.points, enabled: rule.enabled } : { name: '', points: 10, enabled: true });
    setCondition(rule ? toEditor(rule.condition) : { join: 'all', clauses: [{ field: FIELDS[target][0]!.field, op: 'eq', value: undefined }] });
  }, [open, rule, target, form]);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = { name: values.name, points: values.points, enabled: values.enabled, ...(condition ? { condition: fromEditor(target, condition) } : {}) };
    setSaving(true);
    try {
      if (rule) await api(`/scoring/rules/${rule.id}`, { method: 'PATCH', body });
      else await api('/scoring/rules', { method: 'POST', body: { target, ...body } });
      onSaved();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const setClause = (index: number, clause: EditorClause) => condition && setCondition({ ...condition, clauses: condition.clauses.map((c, i) => (i === index ? clause : c)) });

  return (
    <Modal open={open} title={rule ? t('scoring.editRule') : t('scoring.addRule')} onCancel={onClose} onOk={() => void save()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} width={720} destroyOnHidden okButtonProps={{ 'data-testid': 'rule-save' }}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('scoring.ruleName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="rule-name" />
        </Form.Item>
        <Form.Item label={t('scoring.condition')} required>
          {condition ? (
            <Flex vertical gap={8}>
              <Radio.Group value={condition.join} onChange={(e) => setCondition({ ...condition, join: e.target.value as 'all' | 'any' })} data-testid="rule-join">
                <Radio value="all">{t('scoring.joinAll')}</Radio>
                <Radio value="any">{t('scoring.joinAny')}</Radio>
              </Radio.Group>
              {condition.clauses.map((clause, index) => (
                <ClauseRow key={index} target={target} clause={clause} index={index} onChange={(c) => setClause(index, c)} onRemove={() => setCondition({ ...condition, clauses: condition.clauses.filter((_, i) => i !== index) })} />
              ))}
              <Button icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }} onClick={() => setCondition({ ...condition, clauses: [...condition.clauses, { field: FIELDS[target][0]!.field, op: 'eq' }] })} data-testid="rule-add-clause">
                {t('scoring.addClause')}
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="secondary">
              {t('scoring.nestedCondition')}: {rule ? conditionText(rule.condition, conditionWords(t)) : ''}
            </Typography.Text>
          )}
        </Form.Item>
        <Flex gap={24}>
          <Form.Item name="points" label={t('scoring.points')} rules={[{ required: true, type: 'integer', min: -100, max: 100 }]}>
            <InputNumber min={-100} max={100} precision={0} data-testid="rule-points" />
          </Form.Item>
          <Form.Item name="enabled" label={t('scoring.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
