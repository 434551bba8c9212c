import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { useErrorHandler } from '../../app/use-error-handler.ts';
import type { Opportunity, Pipeline } from './pipeline.types.ts';

/** The tenant's pipelines with their stages (the server creates the default one on first use). */
export function usePipelines() {
  const onError = useErrorHandler();
  const [pipelines, setPipelines] = useState<Pipeline[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(() => {
    setLoading(true);
    api<Pipeline[]>('/pipelines')
      .then(setPipelines)
      .catch(onError)
      .finally(() => setLoading(false));
  }, [onError]);
  useEffect(reload, [reload]);
  return { pipelines, setPipelines, loading, reload };
}

export const moveOpportunity = (o: Opportunity, stageId: string) =>
  api<Opportunity>(`/opportunities/${o.id}/stage`, { method: 'POST', body: { stageId, version: o.version } });
export const markWon = (o: Opportunity) => api<Opportunity>(`/opportunities/${o.id}/won`, { method: 'POST', body: { version: o.version } });
export const markLost = (o: Opportunity, reason: string) => api<Opportunity>(`/opportunities/${o.id}/lost`, { method: 'POST', body: { reason, version: o.version } });
export const reopen = (o: Opportunity) => api<Opportunity>(`/opportunities/${o.id}/reopen`, { method: 'POST' });
