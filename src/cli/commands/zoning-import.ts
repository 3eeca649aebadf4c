// `taamir zoning import FILE --agency CODE [--crs EPSG:26191] [--layer zones] [--approved]`: reads a
// zipped shapefile or a GeoJSON plan, prints progress and a per-feature report, and publishes it as a
// new version of the agency's planning document in one transaction — or nothing at all when the file
// has errors (exit 1).
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { parseCrsCode } from '../../geo/crs.ts';
import { checkFile, publishChecked, slugFromFileName } from '../../geo/import/imports.ts';
import { type ImportIssue, type ImportPhase, isLayerKind } from '../../geo/import/prepare-import.ts';
import type { LifecycleInput } from '../../geo/import/publish-plan.ts';
import { isIsoDate, moroccanDate } from '../../geo/plan-lifecycle.ts';
import { DEFAULT_ZIP_LIMITS } from '../../geo/safe-unzip.ts';
import type { PlanKind } from '../../geo/tables.ts';
import { one } from '../../platform/db/database.ts';
import { loadReferenceData } from '../../reference/load-reference-data.ts';
import { type Command, UsageError } from '../command.ts';
import { withRuntime } from './with-runtime.ts';

const KINDS: readonly PlanKind[] = [
  'sdau',
  'plan_amenagement',
  'plan_developpement',
  'plan_restructuration',
  'other',
];
const MAX_PRINTED_ISSUES = 50;

const PHASE_LABEL: Record<ImportPhase, string> = {
  reading: 'reading',
  validating: 'checking geometries and attributes',
  checking: 'checking geometries in PostGIS',
  publishing: 'publishing',
};

/** One progress line per phase step of ~10 %, and the last one. */
function progressPrinter(out: (line: string) => void) {
  const last = new Map<ImportPhase, number>();
  return (phase: ImportPhase, done: number, total: number) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    const step = Math.floor(pct / 10);
    const previous = last.get(phase);
    if (previous !== undefined && step === previous && done < total) return;
    if (previous === 10) return;
    last.set(phase, done >= total ? 10 : step);
    out(`${PHASE_LABEL[phase]}: ${done}/${total} features (${pct}%)`);
  };
}

function describeIssue(i: ImportIssue): string {
  const where =
    i.featureIndex === null
      ? i.layer
      : `${i.layer}#${i.featureIndex}${i.featureRef ? ` [${i.featureRef}]` : ''}`;
  const field = i.field ? ` ${i.field}` : '';
  const details = i.details && Object.keys(i.details).length ? ` ${JSON.stringify(i.details)}` : '';
  return `  ${i.severity.padEnd(7)} ${where}${field}: ${i.code} — ${i.message}${details}`;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export const zoningImportCommand: Command = {
  name: 'zoning import',
  summary:
    'Import a plan (zipped shapefile or GeoJSON, Lambert or WGS 84) for an agency: dry-run report, then one transaction.',
  usage: 'zoning import FILE --agency CODE [--crs EPSG:26191] [--layer zones] [--approved] [--dry-run]',
  positionals: { min: 1, max: 1 },
  options: {
    agency: { type: 'string', description: 'Agency code (AUC, AUST, AUTAR…)' },
    crs: {
      type: 'string',
      description: 'Coordinate system when there is no .prj, or to override it (EPSG:26191)',
    },
    layer: {
      type: 'string',
      description: 'What the layer holds when its name does not say: zones|roads|servitudes|reservations',
    },
    approved: {
      type: 'boolean',
      description: 'Publish at once as approved (plans an agency already has approved)',
    },
    'approved-on': {
      type: 'string',
      description: 'Date of the approving decree, YYYY-MM-DD (default: today)',
    },
    decree: { type: 'string', description: 'Reference of the approving decree, in French' },
    'decree-ar': { type: 'string', description: 'Reference of the approving decree, in Arabic' },
    plan: {
      type: 'string',
      description: 'Plan identifier (slug); a new version when it exists (default: from the file name)',
    },
    name: { type: 'string', description: 'Plan name in French (default: the file name)' },
    'name-ar': { type: 'string', description: 'Plan name in Arabic (default: the French name)' },
    kind: { type: 'string', description: `Plan kind: ${KINDS.join('|')} (default plan_amenagement)` },
    'dry-run': { type: 'boolean', description: 'Check and report only; import nothing' },
  },
  run: async ({ values, positionals, out, err }) => {
    const file = positionals[0] as string;
    const agencyCode = text(values.agency)?.toUpperCase();
    if (!agencyCode) throw new UsageError('--agency is required');
    const layer = text(values.layer);
    if (layer !== undefined && !isLayerKind(layer))
      throw new UsageError(`--layer must be one of zones, roads, servitudes, reservations (got ${layer})`);
    const crs = text(values.crs);
    if (crs !== undefined && !parseCrsCode(crs))
      throw new UsageError(`--crs: unknown coordinate system ${crs}`);
    const kind = (text(values.kind) ?? 'plan_amenagement') as PlanKind;
    if (!KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
    const approvedOn = text(values['approved-on']);
    if (approvedOn !== undefined && !isIsoDate(approvedOn))
      throw new UsageError('--approved-on must be YYYY-MM-DD');
    const slug = text(values.plan) ?? slugFromFileName(file);
    if (!/^[a-z0-9][a-z0-9-]{1,79}$/.test(slug))
      throw new UsageError('--plan must be lower-case letters, digits and dashes (2 to 80)');

    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      err(`cannot read ${file}`);
      return 1;
    }
    // Refuse before reading a 2 GB file into memory.
    if (size > DEFAULT_ZIP_LIMITS.maxInputBytes) {
      err(
        `error: geo.file_too_large — the file is ${size} bytes, the limit is ${DEFAULT_ZIP_LIMITS.maxInputBytes}. Nothing imported.`,
      );
      return 1;
    }
    const bytes = new Uint8Array(await readFile(file));
    const fileName = path.basename(file);

    return withRuntime({ seed: false }, async ({ platform }) => {
      const db = platform.db.orm;
      const findAgency = () =>
        one<{ id: string }>(db, sql`select id from agencies where code = ${agencyCode}`);
      let agency = await findAgency();
      if (!agency) {
        await loadReferenceData(platform.db);
        agency = await findAgency();
      }
      if (!agency) {
        err(`error: unknown agency ${agencyCode}. Nothing imported.`);
        return 1;
      }
      out(`${fileName}: ${size} bytes, agency ${agencyCode}`);
      const progress = progressPrinter(out);
      const checked = await checkFile(db, bytes, {
        fileName,
        agencyCode,
        ...(crs ? { crs } : {}),
        ...(layer && isLayerKind(layer) ? { layer } : {}),
        onProgress: progress,
      });
      const { report } = checked;
      if (report.fileError) {
        const details = Object.keys(report.fileError.details).length
          ? ` ${JSON.stringify(report.fileError.details)}`
          : '';
        err(`error: ${report.fileError.code} — ${report.fileError.message}${details}`);
        err('Nothing imported.');
        return 1;
      }
      for (const l of report.layers) {
        out(
          `layer ${l.name}${l.path ? ` (${l.path})` : ''}: ${l.kind}, ${l.crs} ${l.crsName} (${l.crsSource}), ${l.encoding}, ${l.featureCount} features, ${l.errors} errors, ${l.warnings} warnings`,
        );
        const mapping = Object.entries(l.mapping).map(([field, column]) => `${column}→${field}`);
        if (mapping.length)
          out(
            `  columns: ${mapping.join(', ')}${l.unmappedColumns.length ? `; kept as is: ${l.unmappedColumns.join(', ')}` : ''}`,
          );
      }
      for (const s of report.skipped) out(`layer ${s.name}: skipped (${s.code})`);
      const shown = checked.issues.slice(0, MAX_PRINTED_ISSUES);
      for (const i of shown) (i.severity === 'error' ? err : out)(describeIssue(i));
      if (checked.issues.length > shown.length) out(`  … and ${checked.issues.length - shown.length} more`);
      out(`${report.features} features, ${report.errors} errors, ${report.warnings} warnings`);
      if (report.errors > 0) {
        err(`${report.errors} errors: nothing imported.`);
        return 1;
      }
      if (values['dry-run']) {
        out('dry run: nothing imported.');
        return 0;
      }
      const name = text(values.name) ?? fileName.replace(/\.[^.]+$/, '');
      const lifecycle: LifecycleInput = values.approved
        ? {
            status: 'approved',
            approvedOn: approvedOn ?? moroccanDate(platform.now()),
            decreeRefFr: text(values.decree) ?? null,
            decreeRefAr: text(values['decree-ar']) ?? null,
          }
        : { status: 'in_study' };
      const total = report.features;
      const result = await publishChecked(
        platform,
        { actor: { kind: 'system', label: `cli:${safeUser()}` } },
        {
          agencyId: agency.id,
          actor: { userId: null, label: `cli:${safeUser()}` },
          fileName,
          bytes,
          checked,
          crs: crs ?? null,
          layer: layer ?? null,
          document: { slug, kind, nameFr: name, nameAr: text(values['name-ar']) ?? name },
          lifecycle,
          onProgress: (done) => progress('publishing', done, total),
        },
      );
      const counts = Object.entries(result.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
      out(
        `published ${slug} version ${result.version} (${result.status}): ${counts}${result.copied.length ? ` (kept from the previous version: ${result.copied.join(', ')})` : ''}`,
      );
      if (result.replaced.length)
        out(`replaces ${result.replaced.length} earlier version(s), kept in the history`);
      if (result.status === 'in_study')
        out('Not public yet: put it to public enquiry or approve it in the back office (or use --approved).');
      out(`version ${result.versionId}, import ${result.importId}`);
      return 0;
    });
  },
};

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
