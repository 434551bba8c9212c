import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, InputNumber, Select, Skeleton, Switch, TreeSelect, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import type { RoleKey } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { roleLabel } from '../org/org.labels.ts';
import { ROLE_KEYS } from '../org/org.types.ts';
import { teamTreeOptions } from '../org/team-tree.ts';
import { useTeams } from '../org/use-teams.ts';
import { ruleKindLabel } from './pool.labels.ts';
import { RULE_KINDS, type LimitSubjectKind, type MemberRole, type Pool, type PoolLimit, type PoolMember, type PoolRule, type RuleKind } from './pool.types.ts';
import type { Person } from './use-pools.ts';

/** The list comes wrapped (`{ rules: [...] }`, as PUT takes it); a bare array is read too. */
type ListAnswer<Item> = Record<string, Item[]> | Item[];
const itemsOf = <Item,>(answer: ListAnswer<Item>, resource: string): Item[] => (Array.isArray(answer) ? answer : (answer[resource] ?? []));

/**
 * Loads one list of a pool (members, limits or rules) into a form and saves it whole with PUT;
 * the server's field errors (`rules.2.days`) land on the row they name.
 */
function useListEditor<Row, Item>(pool: Pool, resource: 'members' | 'rules' | 'limits', toRow: (item: Item) => Row, toItem: (row: Row) => unknown) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const onError = useErrorHandler();
  const [form] = Form.useForm<Record<string, Row[]>>();
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<ListAnswer<Item>>(`/pools/${pool.id}/${resource}`, { signal: controller.signal })
      .then((answer) => {
        form.setFieldsValue({ [resource]: itemsOf(answer, resource).map(toRow) });
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        onError(error);
        setLoading(false);
      });
    return () => controller.abort();
    // toRow is a new function on every render: depending on it would reload (and drop edits) each time.
  }, [pool.id, resource, form, onError]);

  const save = async () => {
    let values: Record<string, Row[]>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const answer = await api<ListAnswer<Item> | undefined>(`/pools/${pool.id}/${resource}`, { method: 'PUT', body: { [resource]: (values[resource] ?? []).map(toItem) } });
      if (answer) form.setFieldsValue({ [resource]: itemsOf(answer, resource).map(toRow) });
      void message.success(t('pool.settings.listSaved'));
    } catch (error) {
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };
  return { form, loading, saving, save };
}

function ListCard({ help, loading, saving, onSave, testId, children }: { help: string; loading: boolean; saving: boolean; onSave(): void; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active />;
  return (
    <Flex vertical gap={12} data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {help}
      </Typography.Paragraph>
      {children}
      <Button type="primary" loading={saving} onClick={onSave} style={{ alignSelf: 'flex-start' }} data-testid={`${testId}-save`}>
        {t('common.save')}
      </Button>
    </Flex>
  );
}

const rowStyle = { marginBottom: 0 };
const RemoveButton = ({ onClick, testId }: { onClick(): void; testId: string }) => {
  const { t } = useTranslation();
  return <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={onClick} data-testid={testId} />;
};

// ---- members

type MemberRow = { kind: 'user' | 'team'; userId?: string | null; teamId?: string | null; role: MemberRole };

export function MembersTab({ pool, people }: { pool: Pool; people: Person[] }) {
  const { t } = useTranslation();
  const { teams } = useTeams();
  const editor = useListEditor<MemberRow, PoolMember>(
    pool,
    'members',
    (m) => ({ kind: m.teamId ? 'team' : 'user', userId: m.userId, teamId: m.teamId, role: m.role }),
    (row) => (row.kind === 'team' ? { teamId: row.teamId, role: row.role } : { userId: row.userId, role: row.role }),
  );
  const personOptions = people.map((p) => ({ value: p.userId, label: p.status === 'active' ? p.name : `${p.name}（${t('pool.inactive')}）` }));
  return (
    <ListCard help={t('pool.settings.membersHelp')} loading={editor.loading} saving={editor.saving} onSave={() => void editor.save()} testId="pool-members">
      <Form form={editor.form} layout="vertical">
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pool.settings.noMembers')} />}
              {fields.map((field) => (
                <Card size="small" key={field.key} data-testid="pool-member-row">
                  <Flex gap={8} wrap align="flex-start">
                    <Form.Item name={[field.name, 'kind']} style={rowStyle}>
                      <Select
                        style={{ width: 90 }}
                        options={[
                          { value: 'user', label: t('pool.settings.memberUser') },
                          { value: 'team', label: t('pool.settings.memberTeam') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) =>
                        getFieldValue(['members', field.name, 'kind']) === 'team' ? (
                          <Form.Item name={[field.name, 'teamId']} style={{ ...rowStyle, flex: '1 1 180px' }} rules={[{ required: true, message: t('validation.required') }]}>
                            <TreeSelect treeData={teamTreeOptions(teams)} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} data-testid="pool-member-team" />
                          </Form.Item>
                        ) : (
                          <Form.Item name={[field.name, 'userId']} style={{ ...rowStyle, flex: '1 1 180px' }} rules={[{ required: true, message: t('validation.required') }]}>
                            <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions} data-testid="pool-member-user" />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                    <Form.Item name={[field.name, 'role']} style={rowStyle}>
                      <Select
                        style={{ width: 110 }}
                        options={[
                          { value: 'member', label: t('pool.settings.roleMember') },
                          { value: 'admin', label: t('pool.settings.roleAdmin') },
                        ]}
                        data-testid="pool-member-role"
                      />
                    </Form.Item>
                    <RemoveButton onClick={() => remove(field.name)} testId="pool-member-remove" />
                  </Flex>
                </Card>
              ))}
              <Flex gap={8} wrap>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'user', role: 'member' })} data-testid="pool-member-add-user">
                  {t('pool.settings.addUser')}
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'team', role: 'member' })} data-testid="pool-member-add-team">
                  {t('pool.settings.addTeam')}
                </Button>
              </Flex>
            </Flex>
          )}
        </Form.List>
      </Form>
    </ListCard>
  );
}

// ---- limits

type LimitRow = { subjectKind: LimitSubjectKind; subject?: string; dailyClaimLimit?: number | null; privateCap?: number | null };

export function LimitsTab({ pool, people }: { pool: Pool; people: Person[] }) {
  const { t } = useTranslation();
  const editor = useListEditor<LimitRow, PoolLimit>(
    pool,
    'limits',
    (l) => ({ ...l }),
    (row) => ({ subjectKind: row.subjectKind, subject: row.subject, dailyClaimLimit: row.dailyClaimLimit ?? null, privateCap: row.privateCap ?? null }),
  );
  const roleOptions = ROLE_KEYS.map((key) => ({ value: key, label: roleLabel(t, key as RoleKey) }));
  const personOptions = people.map((p) => ({ value: p.userId, label: p.name }));
  const limitRules = (max: number) => [{ type: 'integer' as const, min: 0, max, message: t('pool.form.range', { min: 0, max }) }];
  return (
    <ListCard help={t('pool.settings.limitsHelp', { daily: pool.dailyClaimLimit, cap: pool.privateCap })} loading={editor.loading} saving={editor.saving} onSave={() => void editor.save()} testId="pool-limits">
      <Form form={editor.form} layout="vertical">
        <Form.List name="limits">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pool.settings.noLimits')} />}
              {fields.map((field) => (
                <Card size="small" key={field.key} data-testid="pool-limit-row">
                  <Flex gap={8} wrap align="flex-start">
                    <Form.Item name={[field.name, 'subjectKind']} style={rowStyle}>
                      <Select
                        style={{ width: 90 }}
                        options={[
                          { value: 'role', label: t('pool.settings.subjectRole') },
                          { value: 'user', label: t('pool.settings.subjectUser') },
                        ]}
                        data-testid="pool-limit-kind"
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) => (
                        <Form.Item name={[field.name, 'subject']} style={{ ...rowStyle, flex: '1 1 140px' }} rules={[{ required: true, message: t('validation.required') }]}>
                          <Select
                            showSearch={{ optionFilterProp: 'label' }}
                            options={getFieldValue(['limits', field.name, 'subjectKind']) === 'user' ? personOptions : roleOptions}
                            data-testid="pool-limit-subject"
                          />
                        </Form.Item>
                      )}
                    </Form.Item>
                    <Form.Item name={[field.name, 'dailyClaimLimit']} style={rowStyle} rules={limitRules(10_000)}>
                      <InputNumber precision={0} prefix={t('pool.settings.dailyPrefix')} placeholder={t('pool.settings.limitDefault', { value: pool.dailyClaimLimit })} style={{ width: 170 }} data-testid="pool-limit-daily" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'privateCap']} style={rowStyle} rules={limitRules(1_000_000)}>
                      <InputNumber precision={0} prefix={t('pool.settings.capPrefix')} placeholder={t('pool.settings.limitDefault', { value: pool.privateCap })} style={{ width: 170 }} data-testid="pool-limit-cap" />
                    </Form.Item>
                    <RemoveButton onClick={() => remove(field.name)} testId="pool-limit-remove" />
                  </Flex>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }} onClick={() => add({ subjectKind: 'role', subject: 'sales' })} data-testid="pool-limit-add">
                {t('pool.settings.addLimit')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </ListCard>
  );
}

// ---- recycle rules

/** The "every level" choice of the level select (the API says null). */
const ALL_LEVELS = '*';
type RuleRow = { level: string; kind: RuleKind; days?: number; enabled: boolean };

export function RulesTab({ pool }: { pool: Pool }) {
  const { t } = useTranslation();
  const editor = useListEditor<RuleRow, PoolRule>(
    pool,
    'rules',
    (r) => ({ level: r.level ?? ALL_LEVELS, kind: r.kind, days: r.days, enabled: r.enabled }),
    (row) => ({ level: row.level === ALL_LEVELS ? null : row.level, kind: row.kind, days: row.days, enabled: row.enabled }),
  );
  const levelOptions = [{ value: ALL_LEVELS, label: t('pool.settings.allLevels') }, ...pool.levels.map((level) => ({ value: level, label: t('pool.settings.levelN', { level }) }))];
  return (
    <ListCard help={t('pool.settings.rulesHelp')} loading={editor.loading} saving={editor.saving} onSave={() => void editor.save()} testId="pool-rules">
      <Form form={editor.form} layout="vertical">
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pool.settings.noRules')} />}
              {fields.map((field) => (
                <Card size="small" key={field.key} data-testid="pool-rule-row">
                  <Flex gap={8} wrap align="flex-start">
                    <Form.Item name={[field.name, 'level']} style={rowStyle}>
                      <Select style={{ width: 120 }} options={levelOptions} popupMatchSelectWidth={false} data-testid="pool-rule-level" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} style={rowStyle}>
                      <Select style={{ width: 150 }} options={RULE_KINDS.map((kind) => ({ value: kind, label: ruleKindLabel(t, kind) }))} popupMatchSelectWidth={false} data-testid="pool-rule-kind" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'days']}
                      style={rowStyle}
                      rules={[
                        { required: true, message: t('validation.required') },
                        { type: 'integer', min: 1, max: 3650, message: t('pool.form.range', { min: 1, max: 3650 }) },
                      ]}
                    >
                      <InputNumber precision={0} suffix={t('pool.settings.days')} style={{ width: 120 }} data-testid="pool-rule-days" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'enabled']} valuePropName="checked" style={{ ...rowStyle, paddingTop: 4 }}>
                      <Switch checkedChildren={t('pool.settings.on')} unCheckedChildren={t('pool.settings.off')} data-testid="pool-rule-enabled" />
                    </Form.Item>
                    <RemoveButton onClick={() => remove(field.name)} testId="pool-rule-remove" />
                  </Flex>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }} onClick={() => add({ level: ALL_LEVELS, kind: 'no_follow_up', days: 7, enabled: true })} data-testid="pool-rule-add">
                {t('pool.settings.addRule')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </ListCard>
  );
}
