import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthenticatedHandler } from './api.ts';
import type { Language } from './i18n.ts';

export type RoleKey = 'admin' | 'manager' | 'sales' | 'service';
export type DataScope = 'own' | 'team' | 'all';

export type Me = {
  user: {
    id: string;
    name: string;
    email: string | null;
    mobile: string | null;
    roleKey: RoleKey;
    teamId: string | null;
    locale: Language;
  };
  tenant: { id: string; slug: string; name: string };
  permissions: string[];
  dataScope: DataScope;
};

export type LoginInput = { login: string; password: string; tenant?: string };

type Session = {
  me: Me | null;
  /** True until the first GET /me has answered. */
  loading: boolean;
  login(input: LoginInput): Promise<Me>;
  logout(): Promise<void>;
  can(permission: string): boolean;
};

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let active = true;
    api<Me>('/me')
      .then((result) => active && setMe(result))
      .catch((error: unknown) => {
        if (active && !(error instanceof ApiError && error.status === 401)) console.error(error);
        if (active) setMe(null);
      })
      .finally(() => active && setLoading(false));
    setUnauthenticatedHandler(() => setMe(null));
    return () => {
      active = false;
      setUnauthenticatedHandler(undefined);
    };
  }, []);

  const login = useCallback(async (input: LoginInput) => {
    const result = await api<Me>('/auth/login', { method: 'POST', body: input });
    setMe(result);
    return result;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>('/auth/logout', { method: 'POST' });
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo<Session>(
    () => ({ me, loading, login, logout, can: (permission) => Boolean(me?.permissions.includes(permission)) }),
    [me, loading, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** For pages behind the login: the session is known to exist there. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
