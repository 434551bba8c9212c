export { notify, type NotificationItem } from './notifications.service.ts';
export { emitEvent } from './webhooks.service.ts';
export { deliverPendingWebhooks, type DeliverOptions, type DeliveryRun } from './webhook-delivery.service.ts';
export { deliverWebhooksJob, pruneNotificationsJob } from './notifications.jobs.ts';
export { pruneNotifications, RETENTION } from './retention.service.ts';
export { registerNotificationRoutes } from './notifications.routes.ts';
export type { Notification, Webhook, Delivery } from './notifications.schema.ts';
