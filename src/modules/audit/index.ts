export { recordAudit, listAudit, type AuditEntry, type AuditRecord } from './audit.service.ts';
export { registerAuditRoutes } from './audit.routes.ts';
