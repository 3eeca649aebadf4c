// Start-up shared by the server, the CLI and the tests: logger, database, migrations, reference data,
// workers. The HTTP app is built on top of the runtime by app.ts.
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { startDocuments } from './documents/module.ts';
import type { DocumentService } from './documents/registry.ts';
import { calendarProvider } from './engine/calendar-provider.ts';
import { type Engine, emptyHooks } from './engine/engine.ts';
import { createRegistry } from './engine/registry.ts';
import { startPayments } from './payments/module.ts';
import type { PaymentService } from './payments/service.ts';
import { type BlobStore, fileBlobStore } from './platform/blobs/blob-store.ts';
import type { Platform } from './platform/context.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import {
  logTransport,
  MAIL_TOPIC,
  type MailTransport,
  mailHandler,
  smtpTransport,
} from './platform/mail/mailer.ts';
import { OutboxWorker } from './platform/outbox/outbox.ts';
import { logSmsDriver, SMS_TOPIC, type SmsDriver, smsHandler } from './platform/sms/sms.ts';
import { loadReferenceData } from './reference/load-reference-data.ts';
import { seedDemoData } from './seed/demo-data.ts';
import { seedDemoPlans } from './seed/demo-plans.ts';
import { complaintTransitionHook } from './services/complaints/hooks.ts';
import { complaintApplicantLink } from './services/complaints/links.ts';
import { startENote } from './services/e-note/hooks.ts';
import { DOCUMENT_PRODUCERS, PROCEDURES } from './services/procedures.ts';
import './accounts/mails.ts';
import './engine/mails.ts';

export type Runtime = {
  platform: Platform;
  engine: Engine;
  worker: OutboxWorker;
  documents: DocumentService;
  payments: PaymentService;
  close(): Promise<void>;
};

export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        '*.password',
        'mail.text',
      ],
      censor: '[redacted]',
    },
  });
}

export type RuntimeOptions = {
  log?: Logger;
  /** An already open database (tests); otherwise the one the config names. */
  db?: Database;
  migrate?: boolean;
  seed?: boolean;
  now?: () => Date;
  mailTransport?: MailTransport;
  smsDriver?: SmsDriver;
  blobs?: BlobStore;
};

export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(config);
  const db = options.db ?? (await openDatabase(config.database));
  try {
    if (options.migrate !== false) {
      const applied = await migrate(db);
      if (applied.length) log.info({ applied }, 'migrations applied');
    }
    const platform: Platform = { config, db, log, now: options.now ?? (() => new Date()) };
    if (options.seed !== false) {
      await loadReferenceData(db);
      if (config.demoData) {
        await seedDemoData(platform);
        await seedDemoPlans(platform);
      }
    }
    const worker = new OutboxWorker({ db, log, pollMs: config.outbox.pollMs });
    const transport =
      options.mailTransport ?? (config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : logTransport(log));
    const blobs = options.blobs ?? fileBlobStore(path.join(config.dataDir, 'blobs'));
    worker.register(
      MAIL_TOPIC,
      mailHandler({ db: db.orm, transport, from: config.mail.from, readBlob: (key) => blobs.get(key) }),
    );
    worker.register(SMS_TOPIC, smsHandler(options.smsDriver ?? logSmsDriver(log)));
    const engine: Engine = {
      platform,
      procedures: createRegistry(PROCEDURES),
      blobs,
      calendar: calendarProvider(db.orm),
      hooks: emptyHooks(),
    };
    engine.hooks.afterTransition.push(complaintTransitionHook(engine));
    engine.hooks.applicantLinks.RECL = complaintApplicantLink(platform);
    const documents = startDocuments({ engine, worker, blobs, producers: DOCUMENT_PRODUCERS });
    const payments = startPayments({ engine, worker, documents });
    startENote({ engine, worker });
    await engine.calendar.reload();
    return {
      platform,
      engine,
      worker,
      documents,
      payments,
      close: async () => {
        await worker.stop();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    if (!options.db) await db.close();
    throw error;
  }
}
