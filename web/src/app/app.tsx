import { App as AntApp, ConfigProvider, Flex, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { LoginPage } from '../features/auth/login.page.tsx';
import { CustomerListPage } from '../features/customers/customer-list.page.tsx';
import { currentLanguage } from './i18n.ts';
import { NotFoundPage, ForbiddenPage } from './result.pages.tsx';
import { SessionProvider, useSession } from './session.tsx';
import { Shell } from './shell.tsx';
import { useReducedMotion } from './use-reduced-motion.ts';
import { lazyPage } from './lazy-page.tsx';

// Every page but the first two a user sees loads on first visit (see lazy-page.tsx).
const AuditLogPage = lazyPage(() => import('../features/audit/audit-log.page.tsx'), 'AuditLogPage');
const CleanupPage = lazyPage(() => import('../features/customers/cleanup.page.tsx'), 'CleanupPage');
const CustomerPage = lazyPage(() => import('../features/customers/customer.page.tsx'), 'CustomerPage');
const DuplicatesPage = lazyPage(() => import('../features/customers/duplicates.page.tsx'), 'DuplicatesPage');
const ImportNewPage = lazyPage(() => import('../features/imports/import-new.page.tsx'), 'ImportNewPage');
const ImportPage = lazyPage(() => import('../features/imports/import.page.tsx'), 'ImportPage');
const ImportsPage = lazyPage(() => import('../features/imports/imports.page.tsx'), 'ImportsPage');
const RolesPage = lazyPage(() => import('../features/org/roles.page.tsx'), 'RolesPage');
const TeamsPage = lazyPage(() => import('../features/org/teams.page.tsx'), 'TeamsPage');
const UsersPage = lazyPage(() => import('../features/org/users.page.tsx'), 'UsersPage');
const ApiTokensPage = lazyPage(() => import('../features/settings/api-tokens.page.tsx'), 'ApiTokensPage');
const WebhooksPage = lazyPage(() => import('../features/notifications/webhooks.page.tsx'), 'WebhooksPage');
const DataSettingsPage = lazyPage(() => import('../features/settings/data-settings.page.tsx'), 'DataSettingsPage');
const OpportunitiesPage = lazyPage(() => import('../features/pipeline/opportunities.page.tsx'), 'OpportunitiesPage');
const PipelineSettingsPage = lazyPage(() => import('../features/pipeline/pipeline-settings.page.tsx'), 'PipelineSettingsPage');
const FunnelPage = lazyPage(() => import('../features/analytics/funnel.page.tsx'), 'FunnelPage');
const LeadListPage = lazyPage(() => import('../features/leads/lead-list.page.tsx'), 'LeadListPage');
const LeadRejectsPage = lazyPage(() => import('../features/leads/lead-rejects.page.tsx'), 'LeadRejectsPage');
const LeadPage = lazyPage(() => import('../features/leads/lead.page.tsx'), 'LeadPage');
const WebFormsPage = lazyPage(() => import('../features/leads/web-forms.page.tsx'), 'WebFormsPage');
const TasksPage = lazyPage(() => import('../features/tasks/tasks.page.tsx'), 'TasksPage');
const ScoringSettingsPage = lazyPage(() => import('../features/scoring/scoring-settings.page.tsx'), 'ScoringSettingsPage');
const AssignmentSettingsPage = lazyPage(() => import('../features/assignment/assignment-settings.page.tsx'), 'AssignmentSettingsPage');
const SellerAvailabilityPage = lazyPage(() => import('../features/assignment/seller-availability.page.tsx'), 'SellerAvailabilityPage');
const CollusionPage = lazyPage(() => import('../features/pool/collusion.page.tsx'), 'CollusionPage');
const HandoverPage = lazyPage(() => import('../features/pool/handover.page.tsx'), 'HandoverPage');
const PoolMinePage = lazyPage(() => import('../features/pool/pool-mine.page.tsx'), 'PoolMinePage');
const PoolSettingsPage = lazyPage(() => import('../features/pool/pool-settings.page.tsx'), 'PoolSettingsPage');
const PoolPage = lazyPage(() => import('../features/pool/pool.page.tsx'), 'PoolPage');

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
            <Suspense fallback={<FullPageSpin />}>
              <AppRoutes />
            </Suspense>
          </SessionProvider>
        </AntApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
