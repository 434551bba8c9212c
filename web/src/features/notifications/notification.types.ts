export type AppNotification = {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  link: string | null;
  readAt: string | null;
  createdAt: string;
};

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export type Webhook = {
  id: string;
  name: string;
  url: string;
  events: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastDelivery: { status: DeliveryStatus; at: string } | null;
};

export type Delivery = {
  id: string;
  webhookId: string;
  event: string;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
};

/** Events Tide sends today; a webhook may also name others, for events still to come. */
export const KNOWN_EVENTS = ['*', 'pool.warning', 'pool.fell', 'pool.collusion', 'pool.handover'] as const;
