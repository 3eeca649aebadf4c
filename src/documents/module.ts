// The documents module as the runtime starts it: the service, its outbox job and its engine hooks.
import type { Engine } from '../engine/engine.ts';
import type { BlobStore } from '../platform/blobs/blob-store.ts';
import type { OutboxWorker } from '../platform/outbox/outbox.ts';
import { type DocumentProducer, registerDocumentHooks } from './hooks.ts';
import { createDocumentService, type DocumentService, RENDER_TOPIC, renderHandler } from './registry.ts';

export function startDocuments(input: {
  engine: Engine;
  worker: OutboxWorker;
  blobs: BlobStore;
  producers?: Readonly<Record<string, DocumentProducer>>;
}): DocumentService {
  const service = createDocumentService({ platform: input.engine.platform, blobs: input.blobs });
  input.worker.register(RENDER_TOPIC, renderHandler(service));
  registerDocumentHooks(input.engine, service, input.producers);
  return service;
}
