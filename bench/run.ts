// `npm run bench [name…]`: run the benchmarks (all, or those named). Figures are ratios against a
// baseline measured in the same run, so they compare across machines better than raw numbers.
import { parseArgs } from 'node:util';
import { documentsBench } from './documents.bench.ts';
import { eNoteBench } from './e-note.bench.ts';
import { engineBench } from './engine.bench.ts';
import { geoBench } from './geo.bench.ts';
import { httpBench } from './http.bench.ts';

const { values, positionals } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    cases: { type: 'string', default: '10000' },
    notes: { type: 'string', default: '40' },
  },
  allowPositionals: true,
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const BENCHES: Record<string, () => Promise<unknown>> = {
  http: () => httpBench({ seconds, connections }),
  engine: () => engineBench({ cases: Number(values.cases) }),
  geo: () => geoBench({ zones: 100_000, overlays: 500 }),
  documents: () => documentsBench({ seconds }),
  'e-note': () => eNoteBench({ notes: Number(values.notes), concurrency: 4 }),
};

const selected = positionals.length ? positionals : Object.keys(BENCHES);
for (const name of selected) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark: ${name} (have: ${Object.keys(BENCHES).join(', ')})`);
    process.exit(2);
  }
  await bench();
}
process.exit(0);
