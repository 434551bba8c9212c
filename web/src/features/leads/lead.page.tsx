import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import { useTeams } from '../org/use-teams.ts';
import { PoolHistory } from '../pool/pool-history.tsx';
import { RecordTasks } from '../tasks/record-tasks.tsx';
import { DisqualifyModal, QualifyModal } from './lead-actions.tsx';
import { LeadAssignModal } from './lead-assign.modal.tsx';
import { ScoreReasonList, ScoreTag, StatusTag } from './lead-bits.tsx';
import { LeadEditDrawer } from './lead-edit.drawer.tsx';
import { ActivitySection, AssignmentHistory, LeadProfile } from './lead-sections.tsx';
import type { AssignmentEntry, Lead, LeadActivity } from './lead.types.ts';

type Detail = { lead: Lead; activities: LeadActivity[]; assignments: AssignmentEntry[] };

export function LeadPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useErrorHandler();
  const { teams } = useTeams();
  const teamNames = useMemo(() => new Map(teams.map((team) => [team.id, team.name])), [teams]);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [missing, setMissing] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [dialog, setDialog] = useState<'qualify' | 'disqualify' | 'edit' | 'assign' | null>(null);
  const canWrite = can('leads.write');

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    setMissing(false);
    Promise.all([
      api<Lead>(`/leads/${id}`, { signal }),
      api<{ items: LeadActivity[] }>(`/leads/${id}/activities`, { signal }),
      api<{ items: AssignmentEntry[] }>(`/leads/${id}/assignments`, { signal }),
    ])
      .then(([lead, activities, assignments]) => setDetail({ lead, activities: activities.items, assignments: assignments.items }))
      .catch((error: unknown) => {
        if (signal.aborted) return;
        if (error instanceof ApiError && (error.status === 404 || error.code === 'validation_failed')) setMissing(true);
        else onError(error);
      });
    return () => controller.abort();
  }, [id, generation, onError]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const back = () => ((window.history.state as { idx?: number } | null)?.idx ? void navigate(-1) : void navigate('/leads'));
  const setLead = (lead: Lead) => setDetail((previous) => (previous ? { ...previous, lead } : previous));

  if (missing) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('leads.notFound')}
        data-testid="lead-not-found"
        extra={<Button onClick={() => void navigate('/leads')}>{t('leads.backToList')}</Button>}
      />
    );
  }
  if (!detail || detail.lead.id !== id) return <Skeleton active data-testid="lead-loading" />;

  const { lead } = detail;
  const open = lead.status === 'new' || lead.status === 'working';
  const owner = lead.ownerName ?? (lead.queueTeamId ? t('leads.inQueue', { team: teamNames.get(lead.queueTeamId) ?? '…' }) : t('leads.unassigned'));

  return (
    <div data-testid="lead-page" data-lead-id={lead.id}>
      <Typography.Link onClick={back} style={{ display: 'inline-block', marginBottom: 8 }} data-testid="lead-back">
        ← {t('leads.backToList')}
      </Typography.Link>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Flex align="center" gap={8} wrap>
              <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-all' }} data-testid="page-title">
                {lead.name}
              </Typography.Title>
              <StatusTag status={lead.status} />
              <ScoreTag lead={lead} />
            </Flex>
            {(lead.company || lead.title) && <Typography.Text type="secondary">{[lead.company, lead.title].filter(Boolean).join(' · ')}</Typography.Text>}
            <Typography.Text>
              {t('leads.field.owner')}: <span data-testid="lead-page-owner">{owner}</span>
            </Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            {canWrite && open && (
              <>
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('qualify')} data-testid="lead-qualify">
                  {t('leads.qualify.action')}
                </Button>
                <Button icon={<CloseCircleOutlined />} onClick={() => setDialog('disqualify')} data-testid="lead-disqualify">
                  {t('leads.disqualify.action')}
                </Button>
              </>
            )}
            {canWrite && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="lead-edit-open">
                {t('common.edit')}
              </Button>
            )}
            {can('leads.assign') && open && (
              <Button icon={<UserSwitchOutlined />} onClick={() => setDialog('assign')} data-testid="lead-assign">
                {t('leads.assign.action')}
              </Button>
            )}
          </Flex>
        </Flex>
        {lead.customerId && (
          <Alert
            style={{ marginTop: 12 }}
            type={lead.status === 'qualified' ? 'success' : 'info'}
            showIcon
            data-testid="lead-customer"
            title={lead.status === 'qualified' ? t('leads.customer.qualified') : t('leads.customer.linked')}
            description={
              <Link to={`/customers/${lead.customerId}`} data-testid="lead-customer-link">
                {t('leads.customer.open')}
              </Link>
            }
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('leads.section.profile')} size="small">
              <LeadProfile lead={lead} />
            </Card>
            <Card title={t('leads.section.activities')} size="small">
              <ActivitySection
                leadId={lead.id}
                activities={detail.activities}
                canWrite={canWrite && open}
                onLogged={(activity) => {
                  setDetail((previous) => (previous ? { ...previous, activities: [activity, ...previous.activities] } : previous));
                  void message.success(t('leads.activity.logged'));
                  reload(); // the lead moves from new to working and its score may change
                }}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <RecordTasks recordType="lead" recordId={lead.id} />
            <Card
              title={
                <Flex align="center" gap={8}>
                  {t('leads.section.score')} <ScoreTag lead={lead} />
                </Flex>
              }
              size="small"
              data-testid="lead-score-card"
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('leads.score.help')}
              </Typography.Paragraph>
              <ScoreReasonList reasons={lead.scoreReasons} />
            </Card>
            <Card title={t('leads.section.assignments')} size="small">
              <AssignmentHistory entries={detail.assignments} teamName={(teamId) => teamNames.get(teamId)} />
            </Card>
            {(can('pool.claim') || can('pool.manage')) && (
              <Card title={t('pool.history.title')} size="small" data-testid="lead-pool-history">
                <PoolHistory type="lead" id={lead.id} key={generation} />
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
      <QualifyModal
        lead={dialog === 'qualify' ? lead : null}
        onClose={() => {
          // The page reloads behind the modal only once it closes, so the result stays on screen until then.
          setDialog(null);
          reload();
        }}
        onStale={reload}
      />
      <DisqualifyModal
        lead={dialog === 'disqualify' ? lead : null}
        onClose={() => setDialog(null)}
        onDone={(saved) => {
          setDialog(null);
          setLead(saved);
          void message.success(t('leads.disqualify.done'));
        }}
      />
      <LeadEditDrawer
        lead={dialog === 'edit' ? lead : null}
        onClose={() => setDialog(null)}
        onSaved={(saved) => {
          setDialog(null);
          setLead(saved);
          void message.success(t('leads.saved'));
        }}
      />
      <LeadAssignModal
        leadIds={dialog === 'assign' ? [lead.id] : null}
        onClose={() => setDialog(null)}
        onAssigned={() => {
          setDialog(null);
          void message.success(t('leads.assign.done', { count: 1 }));
          reload();
        }}
      />
    </div>
  );
}
