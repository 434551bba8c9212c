import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { Team, User } from '../org/org.types.ts';
import { conditionText, needsList, needsValue, operatorsFor, toEditor, type EditorClause, type EditorCondition } from '../scoring/scoring-fields.ts';
import { conditionWords, fieldLabel, operatorLabel } from '../scoring/scoring.labels.ts';
import { ASSIGNMENT_FIELDS, assignmentKindOf, candidateKind, toCondition } from './assignment-fields.ts';
import { METHODS, type AssignmentRule, type Method } from './assignment.types.ts';

type Values = { name: string; method: Method; userIds: string[]; teamId: string | null; cap: number | null; enabled: boolean };

/** One clause: field, operator, and a value input that fits the field. */
function ClauseRow({ clause, index, onChange, onRemove }: { clause: EditorClause; index: number; onChange(c: EditorClause): void; onRemove(): void }) {
  const { t } = useTranslation();
  const kind = assignmentKindOf(clause.field);
  const testId = `assignment-clause-value-${index}`;
  const valueInput = () => {
    if (!needsValue(clause.op)) return null;
    if (kind === 'boolean') {
      return (
        <Select style={{ width: 100 }} value={clause.value === true ? 'true' : clause.value === false ? 'false' : undefined} options={[{ value: 'true', label: t('scoring.yes') }, { value: 'false', label: t('scoring.no') }]} onChange={(v) => onChange({ ...clause, value: v === 'true' })} data-testid={testId} />
      );
    }
    if (needsList(clause.op)) {
      return <Select mode="tags" style={{ minWidth: 180, flex: 1 }} value={Array.isArray(clause.value) ? clause.value.map(String) : []} onChange={(v: string[]) => onChange({ ...clause, value: v })} tokenSeparators={[',', '，']} open={false} data-testid={testId} />;
    }
    if (kind === 'number') return <InputNumber style={{ width: 120 }} value={typeof clause.value === 'number' ? clause.value : undefined} onChange={(v) => onChange({ ...clause, value: v ?? undefined })} data-testid={testId} />;
    return <Input style={{ width: 180 }} maxLength={200} value={typeof clause.value === 'string' ? clause.value : ''} onChange={(e) => onChange({ ...clause, value: e.target.value })} data-testid={testId} />;
  };
  return (
    <Flex gap={6} wrap align="center" data-testid="assignment-clause">
      <Select
        style={{ width: 170 }}
        value={clause.field}
        options={ASSIGNMENT_FIELDS.map((f) => ({ value: f.field, label: fieldLabel(t, f.field) }))}
        onChange={(field: string) => {
          const ops = operatorsFor(assignmentKindOf(field));
          onChange({ field, op: ops.includes(clause.op) ? clause.op : ops[0]!, value: undefined });
        }}
        popupMatchSelectWidth={false}
        data-testid={`assignment-clause-field-${index}`}
      />
      <Select style={{ width: 110 }} value={clause.op} options={operatorsFor(kind).map((op) => ({ value: op, label: operatorLabel(t, op) }))} onChange={(op) => onChange({ ...clause, op, value: needsList(op) !== needsList(clause.op) ? undefined : clause.value })} data-testid={`assignment-clause-op-${index}`} />
      {valueInput()}
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={onRemove} />
    </Flex>
  );
}

/** Create or edit an assignment rule: condition, method, who receives the leads, and the cap. */
export function AssignmentRuleModal({ rule, open, users, teams, onClose, onSaved }: { rule: AssignmentRule | null; open: boolean; users: User[]; teams: Team[]; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form) ?? 'round_robin';
  const [condition, setCondition] = useState<EditorCondition | null>({ join: 'all', clauses: [] });
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      rule
        ? { name: rule.name, method: rule.method, userIds: rule.userIds, teamId: rule.teamId, cap: rule.cap, enabled: rule.enabled }
        : { name: '', method: 'round_robin', userIds: [], teamId: null, cap: null, enabled: true },
    );
    setCondition(rule ? toEditor(rule.condition) : { join: 'all', clauses: [] });
  }, [open, rule, form]);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const kind = candidateKind(values.method);
    const body = {
      name: values.name,
      method: values.method,
      enabled: values.enabled,
      userIds: kind === 'team' ? [] : kind === 'one' ? (values.userIds ?? []).slice(0, 1) : (values.userIds ?? []),
      teamId: kind === 'one' ? null : (values.teamId ?? null),
      cap: kind === 'team' ? null : (values.cap ?? null),
      ...(condition ? { condition: toCondition(condition) } : {}),
    };
    setSaving(true);
    try {
      if (rule) await api(`/assignment/rules/${rule.id}`, { method: 'PATCH', body });
      else await api('/assignment/rules', { method: 'POST', body });
      onSaved();
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const setClause = (index: number, clause: EditorClause) => condition && setCondition({ ...condition, clauses: condition.clauses.map((c, i) => (i === index ? clause : c)) });
  const kind = candidateKind(method);
  const userOptions = users.filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.email ? `${u.name} (${u.email})` : u.name }));

  return (
    <Modal open={open} title={rule ? t('assignment.editRule') : t('assignment.addRule')} onCancel={onClose} onOk={() => void save()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving} width={760} destroyOnHidden okButtonProps={{ 'data-testid': 'assignment-rule-save' }}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('assignment.ruleName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="assignment-rule-name" />
        </Form.Item>
        <Form.Item label={t('assignment.condition')} extra={t('assignment.conditionHint')}>
          {condition ? (
            <Flex vertical gap={8}>
              <Radio.Group value={condition.join} onChange={(e) => setCondition({ ...condition, join: e.target.value as 'all' | 'any' })}>
                <Radio value="all">{t('scoring.joinAll')}</Radio>
                <Radio value="any">{t('scoring.joinAny')}</Radio>
              </Radio.Group>
              {condition.clauses.map((clause, index) => (
                <ClauseRow key={index} clause={clause} index={index} onChange={(c) => setClause(index, c)} onRemove={() => setCondition({ ...condition, clauses: condition.clauses.filter((_, i) => i !== index) })} />
              ))}
              <Button icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }} onClick={() => setCondition({ ...condition, clauses: [...condition.clauses, { field: 'region', op: 'eq' }] })} data-testid="assignment-add-clause">
                {t('scoring.addClause')}
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="secondary">{rule ? conditionText(rule.condition, conditionWords(t)) : ''}</Typography.Text>
          )}
        </Form.Item>
        <Form.Item name="method" label={t('assignment.method')} rules={[{ required: true }]} extra={t(`assignment.methodHelp.${method}`)}>
          <Select options={METHODS.map((m) => ({ value: m, label: t(`assignment.methods.${m}`) }))} data-testid="assignment-rule-method" />
        </Form.Item>
        {kind !== 'team' && (
          <Form.Item name="userIds" label={kind === 'one' ? t('assignment.person') : t('assignment.people')} extra={kind === 'people' ? t('assignment.peopleHint') : undefined}>
            <Select mode="multiple" maxCount={kind === 'one' ? 1 : undefined} optionFilterProp="label" options={userOptions} data-testid="assignment-rule-users" />
          </Form.Item>
        )}
        {kind !== 'one' && (
          <Form.Item name="teamId" label={kind === 'team' ? t('assignment.queueTeam') : t('assignment.team')} rules={kind === 'team' ? [{ required: true }] : []}>
            <Select allowClear options={teams.map((team) => ({ value: team.id, label: team.name }))} data-testid="assignment-rule-team" />
          </Form.Item>
        )}
        <Flex gap={24}>
          {kind !== 'team' && (
            <Form.Item name="cap" label={t('assignment.cap')} extra={t('assignment.capHint')}>
              <InputNumber min={1} precision={0} data-testid="assignment-rule-cap" />
            </Form.Item>
          )}
          <Form.Item name="enabled" label={t('assignment.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
