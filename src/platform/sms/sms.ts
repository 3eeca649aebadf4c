// SMS behind a port: a real operator's API plugs in here; the log driver writes messages to the log.
import type { Logger } from 'pino';
import type { Orm } from '../db/database.ts';
import { enqueue, type OutboxJob } from '../outbox/outbox.ts';

export type SmsDriver = { readonly name: string; send(to: string, text: string): Promise<void> };

export function logSmsDriver(log: Logger): SmsDriver {
  return {
    name: 'log',
    send: async (to, text) => {
      log.info({ sms: { to, text } }, `sms to ${to}`);
    },
  };
}

export const SMS_TOPIC = 'sms.send';

export async function queueSms(tx: Orm, sms: { to: string; text: string }, dedupeKey?: string) {
  await enqueue(tx, { topic: SMS_TOPIC, payload: sms, ...(dedupeKey ? { dedupeKey } : {}) });
}

export const smsHandler =
  (driver: SmsDriver) =>
  async (job: OutboxJob): Promise<void> => {
    const { to, text } = job.payload as { to: string; text: string };
    await driver.send(to, text.slice(0, 480));
  };
