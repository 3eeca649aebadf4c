// Step two of an import: PostGIS judges every geometry that passed the JavaScript checks, in the
// source CRS, with ST_IsValid/ST_IsValidReason — one query per batch of features, not one per feature.
// It catches what the JavaScript checks leave to it: holes outside their shell, rings of one polygon
// crossing each other, overlapping parts of a multipolygon.
import { sql } from 'drizzle-orm';
import { type Orm, rows } from '../../platform/db/database.ts';
import { GEO_MESSAGES } from '../messages.ts';
import { sridOf } from '../srid.ts';
import type { ImportIssue, PreparedImport, PreparedLayer } from './prepare-import.ts';

const BATCH = 1000;

type Verdict = { i: number; valid: boolean; reason: string | null };

async function judge(db: Orm, srid: number, geometries: string[]): Promise<Verdict[]> {
  return rows<Verdict>(
    db,
    sql`select (t.i - 1)::int as i, ST_IsValid(g.geom) as valid,
          case when ST_IsValid(g.geom) then null else ST_IsValidReason(g.geom) end as reason
        from jsonb_array_elements(${JSON.stringify(geometries)}::jsonb) with ordinality as t(gj, i)
        cross join lateral (select ST_SetSRID(ST_GeomFromGeoJSON(t.gj #>> '{}'), ${srid}) as geom) g`,
  );
}

/** A geometry PostGIS cannot even parse is reported as invalid with the parser's message. */
async function judgeOneByOne(db: Orm, srid: number, geometries: string[]): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const [i, g] of geometries.entries()) {
    try {
      const [v] = await judge(db, srid, [g]);
      out.push({ ...(v as Verdict), i });
    } catch (e) {
      out.push({ i, valid: false, reason: e instanceof Error ? e.message.slice(0, 200) : 'unreadable' });
    }
  }
  return out;
}

/**
 * Adds a `geo.geometry_invalid` error for each feature PostGIS finds invalid. Features that already
 * have a geometry error are not sent (the database would only repeat it, or fail to parse them).
 * Runs outside any transaction when given the database handle; it changes nothing.
 */
export async function checkGeometries(
  db: Orm,
  prepared: PreparedImport,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportIssue[]> {
  const added: ImportIssue[] = [];
  const broken = new Set(
    prepared.issues
      .filter((i) => i.severity === 'error' && i.featureIndex !== null && i.code !== 'geo.outside_agency')
      .map((i) => `${i.layer}#${i.featureIndex}`),
  );
  const total = prepared.layers.reduce((n, l) => n + l.features.length, 0);
  let done = 0;
  for (const layer of prepared.layers as PreparedLayer[]) {
    const srid = sridOf(layer.crs);
    const todo = layer.features.filter((f) => !broken.has(`${layer.name}#${f.index}`));
    done += layer.features.length - todo.length;
    for (let start = 0; start < todo.length; start += BATCH) {
      const batch = todo.slice(start, start + BATCH);
      const texts = batch.map((f) => JSON.stringify(f.geometry));
      let verdicts: Verdict[];
      try {
        verdicts = await judge(db, srid, texts);
      } catch {
        verdicts = await judgeOneByOne(db, srid, texts);
      }
      for (const v of verdicts) {
        if (v.valid) continue;
        const f = batch[v.i];
        if (!f) continue;
        const out: ImportIssue = {
          layer: layer.name,
          featureIndex: f.index,
          severity: 'error',
          code: 'geo.geometry_invalid',
          message: `${GEO_MESSAGES['geo.geometry_invalid'].en}: ${v.reason ?? ''}`.trim(),
          details: { reason: v.reason },
        };
        if (f.ref) out.featureRef = f.ref;
        added.push(out);
      }
      done += batch.length;
      onProgress?.(done, total);
    }
  }
  onProgress?.(total, total);
  return added;
}
