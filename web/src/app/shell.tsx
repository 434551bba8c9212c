import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClearOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  FunnelPlotOutlined,
  GlobalOutlined,
  ImportOutlined,
  InboxOutlined,
  LogoutOutlined,
  MergeCellsOutlined,
  MenuOutlined,
  PartitionOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  StopOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { App, Button, Drawer, Flex, Grid, Layout, Menu, Typography, theme, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { selectedNavPath } from './nav-path.ts';
import { useMe, useSession } from './session.tsx';
import { PageLoading } from './lazy-page.tsx';

type NavGroup = 'sales' | 'pool' | 'customerData' | 'admin' | 'settings';
type NavItem = { path: string; label: string; icon: ReactNode; testId: string; group: NavGroup; permission?: string };

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { can } = useSession();
  const items: NavItem[] = [
    // sales: my tasks, leads, opportunities, funnel, then the sales settings pages
    { path: '/tasks', label: t('tasks.nav'), icon: <ScheduleOutlined />, testId: 'nav-tasks', group: 'sales', permission: 'leads.read' },
    { path: '/leads', label: t('leads.nav.leads'), icon: <AimOutlined />, testId: 'nav-leads', group: 'sales', permission: 'leads.read' },
    { path: '/opportunities', label: t('pipeline.nav.opportunities'), icon: <FundProjectionScreenOutlined />, testId: 'nav-opportunities', group: 'sales', permission: 'pipeline.read' },
    { path: '/analytics/funnel', label: t('funnel.nav'), icon: <FunnelPlotOutlined />, testId: 'nav-funnel', group: 'sales', permission: 'leads.read' },
    { path: '/leads/rejects', label: t('leads.nav.rejects'), icon: <StopOutlined />, testId: 'nav-lead-rejects', group: 'sales', permission: 'leads.assign' },
    { path: '/settings/web-forms', label: t('leads.nav.webForms'), icon: <FormOutlined />, testId: 'nav-web-forms', group: 'sales', permission: 'sales.configure' },
    { path: '/settings/pipelines', label: t('pipeline.nav.settings'), icon: <PartitionOutlined />, testId: 'nav-pipeline-settings', group: 'sales', permission: 'sales.configure' },
    { path: '/settings/scoring', label: t('scoring.nav'), icon: <DashboardOutlined />, testId: 'nav-scoring', group: 'sales', permission: 'sales.configure' },
    { path: '/settings/assignment', label: t('assignment.nav.settings'), icon: <ApartmentOutlined />, testId: 'nav-assignment', group: 'sales', permission: 'sales.configure' },
    { path: '/assignment/availability', label: t('assignment.nav.availability'), icon: <CalendarOutlined />, testId: 'nav-availability', group: 'sales', permission: 'leads.read' },
    // pool: claim and hold, then the managers' pages and the pool settings
    { path: '/pool', label: t('pool.nav.public'), icon: <GlobalOutlined />, testId: 'nav-pool', group: 'pool', permission: 'pool.claim' },
    { path: '/pool/mine', label: t('pool.nav.mine'), icon: <InboxOutlined />, testId: 'nav-pool-mine', group: 'pool', permission: 'pool.claim' },
    { path: '/pool/collusion', label: t('pool.nav.collusion'), icon: <AlertOutlined />, testId: 'nav-pool-collusion', group: 'pool', permission: 'pool.manage' },
    { path: '/pool/handover', label: t('pool.nav.handover'), icon: <UserSwitchOutlined />, testId: 'nav-pool-handover', group: 'pool', permission: 'pool.manage' },
    { path: '/settings/pools', label: t('pool.nav.settings'), icon: <ControlOutlined />, testId: 'nav-pool-settings', group: 'pool', permission: 'sales.configure' },
    { path: '/customers', label: t('nav.customers'), icon: <UserOutlined />, testId: 'nav-customers', group: 'customerData' },
    { path: '/customers/duplicates', label: t('nav.duplicates'), icon: <MergeCellsOutlined />, testId: 'nav-duplicates', group: 'customerData', permission: 'customers.write' },
    { path: '/customers/cleanup', label: t('nav.cleanup'), icon: <ClearOutlined />, testId: 'nav-cleanup', group: 'customerData' },
    { path: '/imports', label: t('nav.imports'), icon: <ImportOutlined />, testId: 'nav-imports', group: 'customerData', permission: 'customers.write' },
    { path: '/admin/users', label: t('nav.users'), icon: <TeamOutlined />, testId: 'nav-users', group: 'admin', permission: 'org.manage' },
    { path: '/admin/teams', label: t('nav.teams'), icon: <ClusterOutlined />, testId: 'nav-teams', group: 'admin', permission: 'org.manage' },
    { path: '/admin/roles', label: t('nav.roles'), icon: <SafetyCertificateOutlined />, testId: 'nav-roles', group: 'admin', permission: 'org.manage' },
    { path: '/admin/audit', label: t('nav.audit'), icon: <AuditOutlined />, testId: 'nav-audit', group: 'admin', permission: 'audit.read' },
    { path: '/settings/data', label: t('nav.dataSettings'), icon: <SettingOutlined />, testId: 'nav-data-settings', group: 'settings', permission: 'org.manage' },
    { path: '/settings/tokens', label: t('nav.apiTokens'), icon: <ApiOutlined />, testId: 'nav-api-tokens', group: 'settings' },
    { path: '/settings/webhooks', label: t('notifications.nav'), icon: <SendOutlined />, testId: 'nav-webhooks', group: 'settings', permission: 'org.manage' },
  ];
  return items.filter((item) => !item.permission || can(item.permission));
}

function groupLabel(t: TFunction, group: NavGroup): string {
  switch (group) {
    case 'sales':
      return t('nav.group.sales');
    case 'pool':
      return t('pool.nav.group');
    case 'customerData':
      return t('nav.group.customerData');
    case 'admin':
      return t('nav.group.admin');
    case 'settings':
      return t('nav.group.settings');
  }
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const items = useNavItems();
  const selected = selectedNavPath(
    items.map((item) => item.path),
    location.pathname,
  );
  const groups: NavGroup[] = ['sales', 'pool', 'customerData', 'admin', 'settings'];
  const menuItems: MenuProps['items'] = groups
    .map((group) => ({ group, members: items.filter((item) => item.group === group) }))
    .filter(({ members }) => members.length > 0)
    .map(({ group, members }) => ({
      type: 'group' as const,
      key: `group-${group}`,
      label: groupLabel(t, group),
      children: members.map((item) => ({
        key: item.path,
        icon: item.icon,
        label: <span data-testid={item.testId}>{item.label}</span>,
      })),
    }));
  return (
    <Menu
      mode="inline"
      data-testid="nav-menu"
      selectedKeys={selected ? [selected] : []}
      items={menuItems}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}

function Brand() {
  return (
    <Typography.Text strong style={{ fontSize: 18, color: '#1677ff', whiteSpace: 'nowrap' }}>
      Tide
    </Typography.Text>
  );
}

/** The logged-in frame: menu (sider on desktop, drawer on a phone), header, and the page. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  const onLogout = () => {
    logout()
      .catch(() => undefined)
      .finally(() => {
        void message.success(t('auth.loggedOut'));
        void navigate('/login', { replace: true });
      });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider width={220} theme="light" data-testid="sider" style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 24 }}>
            <Brand />
          </div>
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          data-testid="app-header"
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: narrow ? 8 : 24,
            height: 56,
            lineHeight: '56px',
            display: 'flex',
            alignItems: 'center',
            gap: narrow ? 6 : 12,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.openMenu')}
              data-testid="nav-toggle"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Typography.Text strong ellipsis data-testid="tenant-name" style={{ minWidth: 0, flex: '1 1 auto' }}>
            {me.tenant.name}
          </Typography.Text>
          <Flex align="center" gap={narrow ? 4 : 12} style={{ flex: 'none' }}>
            {!narrow && (
              <Typography.Text data-testid="user-name" style={{ whiteSpace: 'nowrap' }}>
                <UserOutlined /> {me.user.name}
              </Typography.Text>
            )}
            <NotificationBell narrow={narrow} />
            <LanguageSwitch size={narrow ? 'small' : 'middle'} />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              data-testid="logout"
              aria-label={t('auth.logout')}
              title={t('auth.logout')}
              onClick={onLogout}
            >
              {narrow ? null : t('auth.logout')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {narrow && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
          rootClassName="nav-drawer"
        >
          <div data-testid="nav-drawer">
            <div style={{ padding: '12px 24px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
              <Typography.Text strong data-testid="drawer-user-name">
                <UserOutlined /> {me.user.name}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">{me.tenant.name}</Typography.Text>
            </div>
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
