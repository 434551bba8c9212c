import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { Pool } from './pool.types.ts';

/** The pools the caller can see, each with what the caller may do there and its counts. */
export function usePools() {
  const onError = useErrorHandler();
  const [pools, setPools] = useState<Pool[]>([]);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<Pool[]>('/pools', { signal: controller.signal })
      .then(setPools)
      .catch((error: unknown) => !controller.signal.aborted && onError(error))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [generation, onError]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { pools, loading, reload };
}

/** A person the caller may see: themselves, their team, or everyone (GET /assignment/availability). */
export type Person = { userId: string; name: string; teamId: string | null; status: 'active' | 'inactive' };

/**
 * The people a manager may pick (owner filter, assign, handover, pool members). The user admin
 * list needs org.manage, which a sales manager lacks; the availability list follows their scope.
 */
export function usePeople() {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    api<Person[]>('/assignment/availability', { signal: controller.signal })
      .then(setPeople)
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  const names = useMemo(() => new Map(people.map((p) => [p.userId, p.name])), [people]);
  return { people, names };
}
