import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import type { Command } from '../command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply the pending database migrations (PGlite under DATA_DIR, or DATABASE_URL).',
  usage: 'migrate',
  run: async ({ out }) => {
    const config = loadConfig();
    const db = await openDatabase(config.database);
    try {
      const applied = await migrate(db);
      out(applied.length ? applied.map((name) => `applied ${name}`).join('\n') : 'database is up to date');
      return 0;
    } finally {
      await db.close();
    }
  },
};
