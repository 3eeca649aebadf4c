// An import as staff see it on the web: the uploaded file is kept with its dry-run report and
// per-feature issues until someone publishes it (or not). Checking runs in the background and writes
// its progress to the row, so any process can answer "how far is it?". The CLI uses checkFile and
// publishChecked directly, in one go.
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { AuditContext } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/context.ts';
import { type Orm, rows } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { type AgencyScope, inScope } from '../../platform/tenancy/actor.ts';
import { CRS_REGISTRY } from '../crs.ts';
import type { LayerKind } from '../map-attributes.ts';
import { planDocuments, planImportIssues, planImports } from '../tables.ts';
import { checkGeometries } from './check-geometries.ts';
import {
  errorCount,
  type ImportIssue,
  type ImportPhase,
  type PreparedImport,
  prepareImport,
} from './prepare-import.ts';
import {
  type LifecycleInput,
  type PlanDocumentInput,
  type PublishResult,
  publishPlanVersion,
} from './publish-plan.ts';

export type ImportLayerReport = {
  name: string;
  path?: string;
  kind: LayerKind;
  crs: string;
  crsName: string;
  crsSource: string;
  encoding: string;
  featureCount: number;
  geometryTypes: string[];
  mapping: Record<string, string>;
  unmappedColumns: string[];
  errors: number;
  warnings: number;
};

export type ImportReport = {
  format: string | null;
  fileError: { code: string; message: string; details: Record<string, unknown> } | null;
  layers: ImportLayerReport[];
  skipped: { name: string; code: string }[];
  features: number;
  errors: number;
  warnings: number;
  /** The first issues (all of them are in plan_import_issues, up to MAX_STORED_ISSUES). */
  issues: ImportIssue[];
};

export const MAX_STORED_ISSUES = 10_000;
const REPORT_ISSUES = 200;

export function buildReport(prepared: PreparedImport, issues: readonly ImportIssue[]): ImportReport {
  const count = (layer: string, severity: string) =>
    issues.filter((i) => i.layer === layer && i.severity === severity).length;
  return {
    format: prepared.format ?? null,
    fileError: prepared.fileError
      ? {
          code: prepared.fileError.code,
          message: prepared.fileError.message,
          details: prepared.fileError.details ?? {},
        }
      : null,
    layers: prepared.layers.map((l) => {
      const out: ImportLayerReport = {
        name: l.name,
        kind: l.kind,
        crs: l.crs,
        crsName: CRS_REGISTRY[l.crs].name,
        crsSource: l.crsSource,
        encoding: l.encoding,
        featureCount: l.featureCount,
        geometryTypes: l.geometryTypes,
        mapping: l.mapping,
        unmappedColumns: l.unmappedColumns,
        errors: count(l.name, 'error'),
        warnings: count(l.name, 'warning'),
      };
      if (l.path) out.path = l.path;
      return out;
    }),
    skipped: prepared.skipped.map((s) => ({ name: s.name, code: s.code })),
    features: prepared.layers.reduce((n, l) => n + l.featureCount, 0),
    errors: (prepared.fileError ? 1 : 0) + errorCount(issues),
    warnings: issues.length - errorCount(issues),
    issues: issues.slice(0, REPORT_ISSUES),
  };
}

export type CheckOptions = {
  fileName: string;
  agencyCode: string;
  crs?: string;
  layer?: LayerKind;
  maxInputBytes?: number;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
};

export type CheckedFile = { prepared: PreparedImport; issues: ImportIssue[]; report: ImportReport };

/** Dry run: read, map, check in JavaScript then in PostGIS. Changes nothing. */
export async function checkFile(db: Orm, bytes: Uint8Array, options: CheckOptions): Promise<CheckedFile> {
  const prepared = await prepareImport(bytes, {
    fileName: options.fileName,
    agencyCode: options.agencyCode,
    ...(options.crs ? { crs: options.crs } : {}),
    ...(options.layer ? { layer: options.layer } : {}),
    ...(options.maxInputBytes ? { limits: { maxInputBytes: options.maxInputBytes } } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  let issues = prepared.issues;
  if (!prepared.fileError) {
    const fromDb = await checkGeometries(db, prepared, (done, total) =>
      options.onProgress?.('checking', done, total),
    );
    issues = [...issues, ...fromDb].sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        a.layer.localeCompare(b.layer) ||
        (a.featureIndex ?? -1) - (b.featureIndex ?? -1),
    );
  }
  return { prepared, issues, report: buildReport(prepared, issues) };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A slug from a file name: "PA Hay Hassani.zip" → "pa-hay-hassani". */
export function slugFromFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '');
  const slug = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug.length >= 2 ? slug : `plan-${slug || 'import'}`;
}

async function storeIssues(tx: Orm, importId: string, issues: readonly ImportIssue[]): Promise<void> {
  const kept = issues.slice(0, MAX_STORED_ISSUES);
  for (let i = 0; i < kept.length; i += 1000) {
    const json = JSON.stringify(
      kept.slice(i, i + 1000).map((x) => ({ ...x, details: x.details ?? {} })),
      (_k, v) => (typeof v === 'bigint' ? String(v) : v),
    );
    await tx.execute(sql`insert into plan_import_issues (import_id, layer, feature_index, feature_ref, severity, code,
        field, message, details)
      select ${importId}::uuid, x->>'layer', (x->>'featureIndex')::int, x->>'featureRef', x->>'severity', x->>'code',
        x->>'field', x->>'message', coalesce(x->'details', '{}'::jsonb)
      from jsonb_array_elements(${json}::jsonb) x`);
  }
}

export type ActorRef = { userId: string | null; label: string };

/** Records an uploaded file, to be checked by runImportCheck. */
export async function createImport(
  db: Orm,
  input: {
    agencyId: string;
    actor: ActorRef;
    fileName: string;
    bytes: Uint8Array;
    crs?: string | null;
    layer?: string | null;
    now: Date;
  },
): Promise<string> {
  const [row] = await db
    .insert(planImports)
    .values({
      agencyId: input.agencyId,
      createdBy: input.actor.userId,
      actorLabel: input.actor.label,
      fileName: input.fileName,
      fileSize: input.bytes.length,
      fileSha256: sha256(input.bytes),
      statedCrs: input.crs ?? null,
      statedLayer: input.layer ?? null,
      status: 'processing',
      progress: { phase: 'queued', done: 0, total: 0 },
      source: input.bytes,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: planImports.id });
  return (row as { id: string }).id;
}

/** Checks a recorded import and stores its report. Never throws: a crash becomes status 'failed'. */
export async function runImportCheck(platform: Platform, importId: string): Promise<void> {
  const db = platform.db.orm;
  const [row] = await rows<{
    source: Uint8Array;
    file_name: string;
    stated_crs: string | null;
    stated_layer: string | null;
    code: string;
  }>(
    db,
    sql`select i.source, i.file_name, i.stated_crs, i.stated_layer, a.code
        from plan_imports i join agencies a on a.id = i.agency_id where i.id = ${importId}::uuid`,
  );
  if (!row) return;
  let last = 0;
  const progress = (phase: ImportPhase, done: number, total: number) => {
    const now = Date.now();
    if (now - last < 250 && done < total) return;
    last = now;
    void db
      .update(planImports)
      .set({ progress: { phase, done, total }, updatedAt: platform.now() })
      .where(and(eq(planImports.id, importId), eq(planImports.status, 'processing')))
      .catch(() => undefined);
  };
  try {
    const checked = await checkFile(db, toBytes(row.source), {
      fileName: row.file_name,
      agencyCode: row.code,
      ...(row.stated_crs ? { crs: row.stated_crs } : {}),
      ...(row.stated_layer ? { layer: row.stated_layer as LayerKind } : {}),
      onProgress: progress,
    });
    const rejected = checked.report.errors > 0;
    await platform.db.transaction(async (tx) => {
      await storeIssues(tx, importId, checked.issues);
      await tx
        .update(planImports)
        .set({
          status: rejected ? 'rejected' : 'ready',
          report: checked.report as unknown as Record<string, unknown>,
          errorCode: checked.report.fileError?.code ?? null,
          progress: { phase: 'done', done: checked.report.features, total: checked.report.features },
          source: rejected ? null : toBytes(row.source),
          updatedAt: platform.now(),
        })
        .where(eq(planImports.id, importId));
    });
  } catch (error) {
    platform.log.error({ err: error, importId }, 'import check failed');
    await db
      .update(planImports)
      .set({ status: 'failed', errorCode: 'internal.error', source: null, updatedAt: platform.now() })
      .where(eq(planImports.id, importId))
      .catch(() => undefined);
  }
}

/** pg returns bytea as a Buffer, PGlite as a Uint8Array. */
function toBytes(v: Uint8Array | string): Uint8Array {
  if (typeof v === 'string') return new Uint8Array(Buffer.from(v.replace(/^\\x/, ''), 'hex'));
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

export type ImportView = {
  id: string;
  agencyId: string;
  agencyCode: string;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  statedCrs: string | null;
  statedLayer: string | null;
  status: string;
  progress: Record<string, unknown>;
  report: ImportReport | null;
  errorCode: string | null;
  versionId: string | null;
  actorLabel: string;
  createdAt: string;
  publishedAt: string | null;
};

const IMPORT_COLUMNS = sql`i.id, i.agency_id as "agencyId", a.code as "agencyCode", i.file_name as "fileName",
  i.file_size::int as "fileSize", i.file_sha256 as "fileSha256", i.stated_crs as "statedCrs",
  i.stated_layer as "statedLayer", i.status, i.progress, i.error_code as "errorCode", i.version_id as "versionId",
  i.actor_label as "actorLabel", i.created_at as "createdAt", i.published_at as "publishedAt"`;

type ImportRow = Omit<ImportView, 'createdAt' | 'publishedAt' | 'report'> & {
  createdAt: Date | string;
  publishedAt: Date | string | null;
  report?: unknown;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function scopeSql(scope: AgencyScope) {
  if (scope.all) return sql`true`;
  if (scope.agencyIds.length === 0) return sql`false`;
  return sql`i.agency_id in (${sql.join(
    scope.agencyIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

export async function listImports(db: Orm, scope: AgencyScope, limit = 50): Promise<ImportView[]> {
  const list = await rows<ImportRow>(
    db,
    sql`select ${IMPORT_COLUMNS} from plan_imports i join agencies a on a.id = i.agency_id
        where ${scopeSql(scope)} order by i.created_at desc limit ${limit}`,
  );
  return list.map((r) => ({
    ...r,
    report: null,
    createdAt: iso(r.createdAt) as string,
    publishedAt: iso(r.publishedAt),
  }));
}

export async function getImport(db: Orm, scope: AgencyScope, id: string): Promise<ImportView> {
  const [r] = await rows<ImportRow>(
    db,
    sql`select ${IMPORT_COLUMNS}, i.report from plan_imports i join agencies a on a.id = i.agency_id
        where i.id = ${id}::uuid and ${scopeSql(scope)}`,
  );
  if (!r) throw new AppError('geo.import_not_found');
  const report = r.report && Object.keys(r.report as object).length ? (r.report as ImportReport) : null;
  return { ...r, report, createdAt: iso(r.createdAt) as string, publishedAt: iso(r.publishedAt) };
}

export async function listImportIssues(
  db: Orm,
  scope: AgencyScope,
  id: string,
  page: { offset: number; limit: number; severity?: 'error' | 'warning' },
) {
  await getImport(db, scope, id);
  const conditions = [eq(planImportIssues.importId, id)];
  if (page.severity) conditions.push(eq(planImportIssues.severity, page.severity));
  const items = await db
    .select()
    .from(planImportIssues)
    .where(and(...conditions))
    .orderBy(planImportIssues.id)
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(planImportIssues)
    .where(and(...conditions));
  return { total: Number(total?.n ?? 0), items };
}

export type PublishBody = {
  document: Omit<PlanDocumentInput, 'slug'> & { slug?: string };
  lifecycle: LifecycleInput;
};

/** Publishes a checked import as a new plan version, in one transaction. */
export async function publishImport(
  platform: Platform,
  audit: AuditContext,
  scope: AgencyScope,
  id: string,
  body: PublishBody,
): Promise<PublishResult> {
  const view = await getImport(platform.db.orm, scope, id);
  if (view.status !== 'ready')
    throw new AppError('geo.import_not_ready', { params: { status: view.status } });
  const [row] = await platform.db.orm
    .select({ source: planImports.source })
    .from(planImports)
    .where(and(eq(planImports.id, id), inScope(planImports.agencyId, scope)));
  if (!row?.source) throw new AppError('geo.import_not_ready', { params: { status: view.status } });
  const prepared = await prepareImport(toBytes(row.source), {
    fileName: view.fileName,
    agencyCode: view.agencyCode,
    ...(view.statedCrs ? { crs: view.statedCrs } : {}),
    ...(view.statedLayer ? { layer: view.statedLayer as LayerKind } : {}),
  });
  if (prepared.fileError || errorCount(prepared.issues) > 0)
    throw new AppError('geo.import_not_ready', { params: { status: 'rejected' } });
  const slug = body.document.slug ?? slugFromFileName(view.fileName);
  const now = platform.now();
  return platform.db.transaction(async (tx) => {
    // The row lock makes a double click publish once; the second waits, then sees 'published'.
    const [locked] = await tx
      .select({ status: planImports.status })
      .from(planImports)
      .where(eq(planImports.id, id))
      .for('update');
    if (locked?.status !== 'ready')
      throw new AppError('geo.import_not_ready', { params: { status: locked?.status ?? 'unknown' } });
    const result = await publishPlanVersion(
      tx,
      audit,
      {
        agencyId: view.agencyId,
        document: { ...body.document, slug },
        lifecycle: body.lifecycle,
        layers: prepared.layers,
        importId: id,
        createdBy: audit.actor.kind === 'user' ? audit.actor.userId : null,
      },
      now,
    );
    await tx
      .update(planImports)
      .set({
        status: 'published',
        versionId: result.versionId,
        publishedAt: now,
        source: null,
        updatedAt: now,
      })
      .where(eq(planImports.id, id));
    return result;
  });
}

/** The CLI's publication: the checked file, its import record and the new version in one transaction. */
export async function publishChecked(
  platform: Platform,
  audit: AuditContext,
  input: {
    agencyId: string;
    actor: ActorRef;
    fileName: string;
    bytes: Uint8Array;
    checked: CheckedFile;
    crs?: string | null;
    layer?: string | null;
    document: PlanDocumentInput;
    lifecycle: LifecycleInput;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<PublishResult & { importId: string }> {
  const now = platform.now();
  return platform.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(planImports)
      .values({
        agencyId: input.agencyId,
        createdBy: input.actor.userId,
        actorLabel: input.actor.label,
        fileName: input.fileName,
        fileSize: input.bytes.length,
        fileSha256: sha256(input.bytes),
        statedCrs: input.crs ?? null,
        statedLayer: input.layer ?? null,
        status: 'published',
        report: input.checked.report as unknown as Record<string, unknown>,
        progress: {
          phase: 'done',
          done: input.checked.report.features,
          total: input.checked.report.features,
        },
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      })
      .returning({ id: planImports.id });
    const importId = (created as { id: string }).id;
    await storeIssues(tx, importId, input.checked.issues);
    const result = await publishPlanVersion(
      tx,
      audit,
      {
        agencyId: input.agencyId,
        document: input.document,
        lifecycle: input.lifecycle,
        layers: input.checked.prepared.layers,
        importId,
        createdBy: input.actor.userId,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      },
      now,
    );
    await tx.update(planImports).set({ versionId: result.versionId }).where(eq(planImports.id, importId));
    return { ...result, importId };
  });
}

/** Plan documents of the caller's agencies with their versions, newest first (the staff page). */
export async function listPlans(db: Orm, scope: AgencyScope) {
  const docs = await db
    .select()
    .from(planDocuments)
    .where(inScope(planDocuments.agencyId, scope))
    .orderBy(desc(planDocuments.createdAt));
  if (docs.length === 0) return [];
  const versions = await rows<{
    id: string;
    documentId: string;
    version: number;
    status: string;
    approvedOn: string | null;
    decreeRefFr: string | null;
    enquiryStart: string | null;
    effectsUntil: string | null;
    replacedOn: string | null;
    createdAt: Date | string;
    zones: number;
  }>(
    db,
    sql`select v.id, v.document_id as "documentId", v.version, v.status, v.approved_on::text as "approvedOn",
          v.decree_ref_fr as "decreeRefFr", v.enquiry_start::text as "enquiryStart", v.effects_until::text as "effectsUntil",
          v.replaced_on::text as "replacedOn", v.created_at as "createdAt",
          (select count(*)::int from plan_zones z where z.version_id = v.id) as zones
        from plan_versions v where v.document_id in (${sql.join(
          docs.map((d) => sql`${d.id}::uuid`),
          sql`, `,
        )}) order by v.version desc`,
  );
  return docs.map((d) => ({
    id: d.id,
    agencyId: d.agencyId,
    slug: d.slug,
    kind: d.kind,
    nameAr: d.nameAr,
    nameFr: d.nameFr,
    communeCodes: d.communeCodes,
    versions: versions
      .filter((v) => v.documentId === d.id)
      .map(({ documentId: _d, ...v }) => ({ ...v, createdAt: new Date(v.createdAt).toISOString() })),
  }));
}
