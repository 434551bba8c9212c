import { useCallback, useEffect, useState } from 'react';
import { fetchAll } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { Team } from './org.types.ts';

/** All teams of the tenant, flat (the tree is built on the client). */
export function useTeams() {
  const onError = useErrorHandler();
  const [teams, setTeams] = useState<Team[]>([]);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let active = true;
    setLoading(true);
    fetchAll<Team>('/teams')
      .then((items) => active && setTeams(items))
      .catch((error: unknown) => active && onError(error))
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [generation, onError]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { teams, loading, reload };
}
