import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/audit-log.ts';

/** Who, from where, under which request id: the audit trail's view of an HTTP request. */
export function auditOf(request: FastifyRequest): AuditContext & { userAgent: string | null } {
  return {
    actor: request.actor,
    ip: request.ip,
    requestId: request.id,
    userAgent: request.headers['user-agent'] ?? null,
  };
}
