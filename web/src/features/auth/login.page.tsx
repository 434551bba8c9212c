import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useSession, type LoginInput } from '../../app/session.tsx';
import { applyFieldErrors } from '../../app/use-error-handler.ts';

type LoginForm = { login: string; password: string; tenant?: string };

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/customers';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, loading, login } = useSession();
  const [form] = Form.useForm<LoginForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!loading && me) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    const input: LoginInput = { login: values.login.trim(), password: values.password };
    const tenant = values.tenant?.trim();
    if (tenant) input.tenant = tenant;
    try {
      await login(input);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (cause) {
      if (cause instanceof ApiError) {
        const unmatched = applyFieldErrors(form, cause.fields);
        setError([cause.message, ...unmatched].join(' '));
      } else {
        setError(t('error.unexpected'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Flex justify="space-between" align="center" style={{ padding: '12px 16px' }}>
        <Typography.Text strong style={{ fontSize: 20, color: '#1677ff' }}>
          Tide
        </Typography.Text>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="flex-start" justify="center" style={{ padding: '8vh 16px 24px' }}>
        <Card style={{ width: '100%', maxWidth: 400 }} data-testid="login-card">
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="login-title">
            {t('auth.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Form<LoginForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
            <Form.Item name="login" label={t('auth.login')} rules={[{ required: true, whitespace: true, message: t('auth.loginRequired') }]}>
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                placeholder={t('auth.loginPlaceholder')}
                data-testid="login-input"
                size="large"
              />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
                size="large"
              />
            </Form.Item>
            <Collapse
              ghost
              size="small"
              style={{ marginBottom: 16, marginInline: -16 }}
              items={[
                {
                  key: 'advanced',
                  label: <span data-testid="login-advanced">{t('auth.advanced')}</span>,
                  forceRender: true,
                  children: (
                    <Form.Item name="tenant" label={t('auth.tenant')} extra={t('auth.tenantHelp')} style={{ marginBottom: 0 }}>
                      <Input autoComplete="organization" data-testid="login-tenant" />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  );
}
