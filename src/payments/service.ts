// What the payments module needs, built once per process (runtime.ts).
import type { DocumentService } from '../documents/registry.ts';
import type { Engine } from '../engine/engine.ts';

export type PaymentService = {
  readonly engine: Engine;
  readonly documents: DocumentService;
};

export const paymentsConfig = (service: PaymentService) => service.engine.platform.config.payments;
