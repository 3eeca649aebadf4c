import { loadReferenceData } from '../../reference/load-reference-data.ts';
import { seedDemoData } from '../../seed/demo-data.ts';
import { seedDemoPlans } from '../../seed/demo-plans.ts';
import type { Command } from '../command.ts';
import { withRuntime } from './with-runtime.ts';

export const seedCommand: Command = {
  name: 'seed',
  summary:
    'Load the reference data (regions, provinces, agencies, communes, bodies) and, with --demo, the demo accounts.',
  usage: 'seed [--demo]',
  options: { demo: { type: 'boolean', description: 'Also create the demo accounts (never in production)' } },
  run: async ({ values, out, err }) =>
    withRuntime({ seed: false }, async ({ platform }) => {
      const counts = await loadReferenceData(platform.db);
      out(
        `reference data: ${counts.regions} regions, ${counts.provinces} provinces, ${counts.agencies} agencies, ${counts.communes} communes, ${counts.bodies} bodies`,
      );
      if (values.demo) {
        if (platform.config.isProduction) {
          err('refusing to create demo accounts in production');
          return 1;
        }
        out(`demo accounts created: ${await seedDemoData(platform)}`);
        out(`demo plans loaded: ${await seedDemoPlans(platform)}`);
      }
      return 0;
    }),
};
