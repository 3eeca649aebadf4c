// The payments module as the runtime starts it: fee hooks and guard in the engine, its outbox job.
import type { DocumentService } from '../documents/registry.ts';
import type { Engine } from '../engine/engine.ts';
import type { OutboxWorker } from '../platform/outbox/outbox.ts';
import { advanceHandler, registerPaymentHooks } from './hooks.ts';
import { ADVANCE_TOPIC } from './orders.ts';
import type { PaymentService } from './service.ts';

export function startPayments(input: {
  engine: Engine;
  worker: OutboxWorker;
  documents: DocumentService;
}): PaymentService {
  registerPaymentHooks(input.engine);
  input.worker.register(ADVANCE_TOPIC, advanceHandler(input.engine));
  return { engine: input.engine, documents: input.documents };
}

/** Origins the browser may post forms to, beyond our own: the real gateway's. */
export const formActionOrigins = (settings: { sandbox: boolean; gatewayUrl: string } | null): string[] =>
  settings && !settings.sandbox ? [new URL(settings.gatewayUrl).origin] : [];
