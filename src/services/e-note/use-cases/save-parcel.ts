// Identifying the parcel of a note request: a land title of the agency's register ("pick it"), a
// polygon drawn on the map, typed or pasted coordinates, or a file of vertices. Everything is checked
// before anything is stored (parcel.ts); the applicant's draft keeps the parcel until the deposit.
import { eq, inArray, sql } from 'drizzle-orm';
import { loadCase } from '../../../engine/case-access.ts';
import type { Engine } from '../../../engine/engine.ts';
import { AGENCY_EXTENTS } from '../../../geo/agency-extents.ts';
import { CRS_REGISTRY } from '../../../geo/crs.ts';
import { findTitles } from '../../../geo/search.ts';
import type { Position } from '../../../geo/types.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/audit-log.ts';
import type { Orm } from '../../../platform/db/database.ts';
import { agencies } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/tenancy/actor.ts';
import { NO_AMENDMENTS } from '../content.ts';
import type { StatedSystem } from '../coordinates.ts';
import { type LandTitle, parseLandTitle } from '../land-title.ts';
import {
  type AgencyNames,
  type CheckedParcel,
  checkParcel,
  landTitleProblem,
  type ParcelGeometry,
  parcelFromDrawing,
  parcelFromFile,
  parcelFromText,
  requireLandTitle,
} from '../parcel.ts';
import { enoteNotes } from '../tables.ts';
import '../problems.ts';

export type ParcelBody =
  | { source: 'title'; landTitle: string }
  | { source: 'drawn'; positions: Position[]; landTitle?: string }
  | { source: 'coordinates'; text: string; system: StatedSystem; landTitle?: string }
  | { source: 'file'; contentBase64: string; system: StatedSystem; filename?: string; landTitle?: string };

export type ResolvedParcel = {
  parcel: CheckedParcel;
  landTitle: LandTitle | null;
  landTitleId: string | null;
  propertyName: { fr: string | null; ar: string | null } | null;
};

async function agencyNames(db: Orm): Promise<AgencyNames> {
  const rows = await db
    .select({ code: agencies.code, nameFr: agencies.nameFr, nameAr: agencies.nameAr })
    .from(agencies)
    .where(inArray(agencies.code, Object.keys(AGENCY_EXTENTS)));
  return Object.fromEntries(rows.map((r) => [r.code, { nameFr: r.nameFr, nameAr: r.nameAr }]));
}

/** A typed land title, when one was given along a drawing, coordinates or a file. */
function optionalTitle(text: string | undefined): LandTitle | null {
  if (!text?.trim()) return null;
  const parsed = parseLandTitle(text);
  if (!parsed.ok) throw landTitleProblem(parsed.error);
  return parsed.title;
}

/** Titles of the agency's register with this number (the applicant picks one). */
export async function registerTitles(db: Orm, agencyCode: string, input: string) {
  const title = requireLandTitle(input);
  const hits = (await findTitles(db, title.normalized, 5)).filter((t) => t.kind === title.kind);
  const names = await agencyNames(db);
  const elsewhere = hits.find((t) => t.agencyCode !== agencyCode);
  const mine = hits.filter((t) => t.agencyCode === agencyCode);
  if (mine.length === 0 && elsewhere) {
    const name = names[elsewhere.agencyCode] ?? {
      nameFr: elsewhere.agencyCode,
      nameAr: elsewhere.agencyCode,
    };
    throw new AppError('enote.land_title_other_agency', {
      params: {
        title: title.display.fr,
        number: `\u2066${title.normalized}\u2069`,
        agencyFr: name.nameFr,
        agencyAr: name.nameAr,
      },
      extensions: { agencyCode: elsewhere.agencyCode },
    });
  }
  return { title, hits: mine };
}

/** Reads and checks a parcel for an agency, whatever way it was given. Stores nothing. */
export async function resolveParcel(
  db: Orm,
  agency: { code: string },
  body: ParcelBody,
): Promise<ResolvedParcel> {
  const names = await agencyNames(db);
  if (body.source === 'title') {
    const { title, hits } = await registerTitles(db, agency.code, body.landTitle);
    const hit = hits[0];
    if (!hit)
      throw new AppError('enote.land_title_not_found', {
        fields: [{ pointer: '/landTitle', in: 'body', code: 'not_found' }],
      });
    const parcel = checkParcel({
      source: 'title',
      geometry: hit.geometry as ParcelGeometry,
      crs: 'EPSG:4326',
      agencyCode: agency.code,
      agencyNames: names,
    });
    return {
      parcel,
      landTitle: title,
      landTitleId: hit.id,
      propertyName: { fr: hit.propertyNameFr, ar: hit.propertyNameAr },
    };
  }
  const landTitle = optionalTitle(body.landTitle);
  const read =
    body.source === 'drawn'
      ? parcelFromDrawing(body.positions)
      : body.source === 'coordinates'
        ? parcelFromText(body.text, body.system, agency.code)
        : parcelFromFile(decodeFile(body.contentBase64), body.system, agency.code);
  const parcel = checkParcel({ source: body.source, ...read, agencyCode: agency.code, agencyNames: names });
  return { parcel, landTitle, landTitleId: null, propertyName: null };
}

function decodeFile(base64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw new AppError('enote.coordinates_file_type');
  return Buffer.from(base64, 'base64');
}

export type ParcelView = ReturnType<typeof parcelView>;

export function parcelView(
  resolved: Pick<ResolvedParcel, 'parcel' | 'landTitle' | 'propertyName'> & { landTitleId?: string | null },
) {
  const { parcel } = resolved;
  return {
    source: parcel.source,
    inputCrs: parcel.inputCrs,
    crsName: CRS_REGISTRY[parcel.inputCrs].name,
    swapped: parcel.swapped,
    areaM2: parcel.areaM2,
    geometry: parcel.wgs84,
    landTitle: resolved.landTitle
      ? {
          kind: resolved.landTitle.kind,
          number: resolved.landTitle.normalized,
          fr: resolved.landTitle.display.fr,
          ar: resolved.landTitle.display.ar,
        }
      : null,
    landTitleId: resolved.landTitleId ?? null,
    propertyName: resolved.propertyName,
  };
}

/** Stores the parcel of a draft note request (its applicant only, before the deposit). */
export async function saveParcel(
  engine: Engine,
  audit: AuditContext,
  input: { caseId: string; body: ParcelBody },
): Promise<ParcelView> {
  const db = engine.platform.db;
  const { caseRow } = await loadCase(db.orm, audit.actor as Actor, input.caseId, { side: 'applicant' });
  if (caseRow.procedureCode !== 'NRU') throw new AppError('enote.note_not_found');
  if (caseRow.phase !== 'draft') throw new AppError('enote.not_editable');
  const [agency] = await db.orm.select().from(agencies).where(eq(agencies.id, caseRow.agencyId));
  const resolved = await resolveParcel(db.orm, { code: agency!.code }, input.body);
  const now = engine.platform.now();
  const { parcel } = resolved;
  await db.transaction(async (tx) => {
    const { caseRow: locked } = await loadCase(tx, audit.actor as Actor, input.caseId, {
      side: 'applicant',
      forUpdate: true,
    });
    if (locked.phase !== 'draft') throw new AppError('enote.not_editable');
    const values = {
      parcelSource: parcel.source,
      landTitleKind: resolved.landTitle?.kind ?? null,
      landTitleNumber: resolved.landTitle?.normalized ?? null,
      landTitleId: resolved.landTitleId,
      inputCrs: parcel.inputCrs,
      parcelInput: parcel.geometry as unknown as Record<string, unknown>,
      parcel:
        sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(parcel.wgs84)}), 4326))` as unknown as string,
      areaM2: parcel.areaM2,
      swapped: parcel.swapped,
      automatic: null,
      automaticSha256: null,
      automaticAt: null,
      amendments: NO_AMENDMENTS,
      contentSha256: null,
      updatedAt: now,
    };
    await tx
      .insert(enoteNotes)
      .values({ caseId: locked.id, agencyId: locked.agencyId, createdAt: now, ...values })
      .onConflictDoUpdate({ target: enoteNotes.caseId, set: values });
    await appendAudit(
      tx,
      audit,
      {
        action: 'enote.parcel_saved',
        objectType: 'case',
        objectId: locked.id,
        agencyId: locked.agencyId,
        summary: {
          source: parcel.source,
          crs: parcel.inputCrs,
          areaM2: parcel.areaM2,
          landTitle: resolved.landTitle?.normalized ?? null,
        },
      },
      now,
    );
  });
  return parcelView(resolved);
}
