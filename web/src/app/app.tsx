import { App as AntApp, ConfigProvider, Flex, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from '../features/auth/login.page.tsx';
import { AuditLogPage } from '../features/audit/audit-log.page.tsx';
import { CleanupPage } from '../features/customers/cleanup.page.tsx';
import { CustomerListPage } from '../features/customers/customer-list.page.tsx';
import { CustomerPage } from '../features/customers/customer.page.tsx';
import { DuplicatesPage } from '../features/customers/duplicates.page.tsx';
import { ImportNewPage } from '../features/imports/import-new.page.tsx';
import { ImportPage } from '../features/imports/import.page.tsx';
import { ImportsPage } from '../features/imports/imports.page.tsx';
import { RolesPage } from '../features/org/roles.page.tsx';
import { TeamsPage } from '../features/org/teams.page.tsx';
import { UsersPage } from '../features/org/users.page.tsx';
import { ApiTokensPage } from '../features/settings/api-tokens.page.tsx';
import { WebhooksPage } from '../features/notifications/webhooks.page.tsx';
import { DataSettingsPage } from '../features/settings/data-settings.page.tsx';
import { OpportunitiesPage } from '../features/pipeline/opportunities.page.tsx';
import { PipelineSettingsPage } from '../features/pipeline/pipeline-settings.page.tsx';
import { FunnelPage } from '../features/analytics/funnel.page.tsx';
import { LeadListPage } from '../features/leads/lead-list.page.tsx';
import { LeadRejectsPage } from '../features/leads/lead-rejects.page.tsx';
import { LeadPage } from '../features/leads/lead.page.tsx';
import { WebFormsPage } from '../features/leads/web-forms.page.tsx';
import { TasksPage } from '../features/tasks/tasks.page.tsx';
import { ScoringSettingsPage } from '../features/scoring/scoring-settings.page.tsx';
import { AssignmentSettingsPage } from '../features/assignment/assignment-settings.page.tsx';
import { SellerAvailabilityPage } from '../features/assignment/seller-availability.page.tsx';
import { CollusionPage } from '../features/pool/collusion.page.tsx';
import { HandoverPage } from '../features/pool/handover.page.tsx';
import { PoolMinePage } from '../features/pool/pool-mine.page.tsx';
import { PoolSettingsPage } from '../features/pool/pool-settings.page.tsx';
import { PoolPage } from '../features/pool/pool.page.tsx';
import { currentLanguage } from './i18n.ts';
import { NotFoundPage, ForbiddenPage } from './result.pages.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { Shell } from './shell.tsx';
import { useReducedMotion } from './use-reduced-motion.ts';

function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }} data-testid="app-loading">
      <Spin size="large" />
    </Flex>
  );
}

/** Pages behind the login: unknown sessions wait, missing sessions go to /login?next=…. */
function RequireSession() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Any one of the permissions opens the pages (e.g. pool settings: sales.configure, or a pool's own admin). */
function RequirePermission({ permission }: { permission: string | string[] }) {
  const { can } = useSession();
  const allowed = (Array.isArray(permission) ? permission : [permission]).some(can);
  return allowed ? <Outlet /> : <ForbiddenPage />;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<Shell />}>
          <Route index element={<Navigate to="/customers" replace />} />
          <Route path="/customers" element={<CustomerListPage />} />
          <Route path="/customers/cleanup" element={<CleanupPage />} />
          <Route path="/customers/:id" element={<CustomerPage />} />
          <Route element={<RequirePermission permission="customers.write" />}>
            <Route path="/customers/duplicates" element={<DuplicatesPage />} />
            <Route path="/imports" element={<ImportsPage />} />
            <Route path="/imports/new" element={<ImportNewPage />} />
            <Route path="/imports/:id" element={<ImportPage />} />
          </Route>
          <Route element={<RequirePermission permission="org.manage" />}>
            <Route path="/settings/data" element={<DataSettingsPage />} />
            <Route path="/settings/webhooks" element={<WebhooksPage />} />
            <Route path="/admin/users" element={<UsersPage />} />
            <Route path="/admin/teams" element={<TeamsPage />} />
            <Route path="/admin/roles" element={<RolesPage />} />
          </Route>
          <Route element={<RequirePermission permission="audit.read" />}>
            <Route path="/admin/audit" element={<AuditLogPage />} />
          </Route>
          <Route element={<RequirePermission permission="pipeline.read" />}>
            <Route path="/opportunities" element={<OpportunitiesPage />} />
          </Route>
          <Route element={<RequirePermission permission="sales.configure" />}>
            <Route path="/settings/pipelines" element={<PipelineSettingsPage />} />
          </Route>
          <Route element={<RequirePermission permission="leads.read" />}>
            <Route path="/analytics/funnel" element={<FunnelPage />} />
          </Route>
          <Route element={<RequirePermission permission="leads.read" />}>
            <Route path="/leads" element={<LeadListPage />} />
            <Route path="/leads/:id" element={<LeadPage />} />
            <Route path="/tasks" element={<TasksPage />} />
          </Route>
          <Route element={<RequirePermission permission="leads.assign" />}>
            <Route path="/leads/rejects" element={<LeadRejectsPage />} />
          </Route>
          <Route element={<RequirePermission permission="sales.configure" />}>
            <Route path="/settings/web-forms" element={<WebFormsPage />} />
          </Route>
          <Route element={<RequirePermission permission="sales.configure" />}>
            <Route path="/settings/scoring" element={<ScoringSettingsPage />} />
          </Route>
          <Route element={<RequirePermission permission="sales.configure" />}>
            <Route path="/settings/assignment" element={<AssignmentSettingsPage />} />
          </Route>
          <Route element={<RequirePermission permission="leads.read" />}>
            <Route path="/assignment/availability" element={<SellerAvailabilityPage />} />
          </Route>
          <Route element={<RequirePermission permission="pool.claim" />}>
            <Route path="/pool" element={<PoolPage />} />
            <Route path="/pool/mine" element={<PoolMinePage />} />
          </Route>
          <Route element={<RequirePermission permission="pool.manage" />}>
            <Route path="/pool/collusion" element={<CollusionPage />} />
            <Route path="/pool/handover" element={<HandoverPage />} />
          </Route>
          <Route element={<RequirePermission permission={['sales.configure', 'pool.claim']} />}>
            <Route path="/settings/pools" element={<PoolSettingsPage />} />
          </Route>
          <Route path="/settings/tokens" element={<ApiTokensPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

export function TideApp() {
  useTranslation(); // re-render the providers when the language changes
  const language = currentLanguage();
  const reducedMotion = useReducedMotion();
  return (
    // The router is outermost: messages and notifications render in AntApp's holder, and links in them need it.
    <BrowserRouter>
      <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff', motion: !reducedMotion } }}>
        <AntApp>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </AntApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
