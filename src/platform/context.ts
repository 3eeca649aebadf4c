import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from './db/database.ts';

/** What every use case may need from the platform. Built once in the composition root. */
export type Platform = {
  readonly config: Config;
  readonly db: Database;
  readonly log: Logger;
  /** The clock; tests replace it. */
  readonly now: () => Date;
};
