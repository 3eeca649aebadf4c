// Runs once before the integration and browser tests: builds the template database they clone.
import { testDatabaseUrl } from '../../src/config.ts';
import {
  assertTestDatabase,
  databaseNameOf,
  ensurePgliteTemplate,
  ensureServerTemplate,
} from './database.ts';

export default async function setup(): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    assertTestDatabase(databaseNameOf(url));
    await ensureServerTemplate(url);
  } else {
    await ensurePgliteTemplate();
  }
}
