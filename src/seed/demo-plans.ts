// The demo plans d'aménagement of AUC, AUST and AUTAR (synthetic, src/geo/demo-data/), loaded with
// the demo accounts when DEMO_DATA is on. Skipped for a plan already loaded, so restarts stay fast.
import { loadDemoPlans } from '../geo/demo-plans.ts';
import type { Platform } from '../platform/context.ts';

export async function seedDemoPlans(platform: Platform): Promise<number> {
  const loaded = await loadDemoPlans(platform.db, platform.now());
  const fresh = loaded.filter((l) => l.loaded);
  if (fresh.length)
    platform.log.info(
      {
        plans: fresh.map((l) => `${l.agency}:${l.slug}`),
        features: fresh.reduce((n, l) => n + l.features, 0),
      },
      'demo plans loaded',
    );
  return fresh.length;
}
