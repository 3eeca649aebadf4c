// The information note end to end through the HTTP API: the parcel identified four ways, the fee paid
// through the CMI protocol, the automatic draft from the demo plans (areas within 1 m² of a clipping
// computed here on the source Lambert coordinates), review with corrections and a diff, the hash that
// ties review to signature, the signed PDF (pdfsig, QR, verification), bulk signature with partial
// failures, statistics, re-issue, and every bad input of the issue. PGlite, or TEST_DATABASE_URL.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInCitizen, signedInStaff } from '../../../test/support/fixtures.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { issuedDocuments } from '../../documents/tables.ts';
import { pdfsig, pdftotext, signatureReports, zbarPdfPage } from '../../documents/test-tools.ts';
import { toWgs84 } from '../../geo/crs.ts';
import { loadDemoPlans } from '../../geo/demo-plans.ts';
import { cmiHash } from '../../payments/cmi/hash.ts';
import { paymentOrders } from '../../payments/tables.ts';
import { outbox } from '../../platform/db/tables.ts';
import { enoteNotes, enoteRevisions } from './tables.ts';

type XY = [number, number];
type Feature = {
  id?: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
};
const demo = (folder: string, file: string) =>
  JSON.parse(readFileSync(new URL(`../../geo/demo-data/${folder}/${file}`, import.meta.url), 'utf8')) as {
    features: Feature[];
  };

// An independent reference: polygon clipping (Sutherland–Hodgman by each convex parcel) and the
// shoelace formula on the source Lambert coordinates. No PostGIS, no reprojection.
const shoelace = (r: XY[]) => {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i] as XY;
    const b = r[(i + 1) % r.length] as XY;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
};
function clipConvex(subject: XY[], clip: XY[]): XY[] {
  const sign = Math.sign(shoelace(clip));
  const inside = (p: XY, a: XY, b: XY) =>
    sign * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) >= 0;
  const cross = (p: XY, q: XY, a: XY, b: XY): XY => {
    const d = (p[0] - q[0]) * (a[1] - b[1]) - (p[1] - q[1]) * (a[0] - b[0]);
    const t = ((p[0] - a[0]) * (a[1] - b[1]) - (p[1] - a[1]) * (a[0] - b[0])) / d;
    return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
  };
  let out = subject;
  for (let i = 0; i < clip.length; i++) {
    const a = clip[i] as XY;
    const b = clip[(i + 1) % clip.length] as XY;
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j] as XY;
      const q = input[(j + 1) % input.length] as XY;
      if (inside(q, a, b)) {
        if (!inside(p, a, b)) out.push(cross(p, q, a, b));
        out.push(q);
      } else if (inside(p, a, b)) out.push(cross(p, q, a, b));
    }
    if (out.length === 0) break;
  }
  return out;
}
const open = (r: number[][]) => r.slice(0, -1) as XY[];
const polygons = (g: Feature['geometry']): XY[][][] =>
  g.type === 'Polygon'
    ? [(g.coordinates as number[][][]).map(open)]
    : (g.coordinates as number[][][][]).map((p) => p.map(open));
const overlap = (g: Feature['geometry'], parcel: XY[]) =>
  polygons(g).reduce(
    (sum, [shell, ...holes]) =>
      sum +
      Math.abs(shoelace(clipConvex(shell as XY[], parcel))) -
      holes.reduce((h, r) => h + Math.abs(shoelace(clipConvex(r, parcel))), 0),
    0,
  );
function rightOfWay(f: Feature): XY[] {
  const [[x1, y1], [x2, y2]] = f.geometry.coordinates as [XY, XY];
  const len = Math.hypot(x2 - x1, y2 - y1);
  const h = (f.properties.plannedWidthM as number) / 2;
  const nx = (-(y2 - y1) / len) * h;
  const ny = ((x2 - x1) / len) * h;
  return [
    [x1 + nx, y1 + ny],
    [x2 + nx, y2 + ny],
    [x2 - nx, y2 - ny],
    [x1 - nx, y1 - ny],
  ];
}

let ctx: TestContext;
let citizen: Person;
const staff: Record<string, { instructor: Person; director: Person }> = {};
const OUT = path.resolve('test-results/e-note');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');
const DAY = '2026-03-16';

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(`${DAY}T09:00:00Z`);
  mkdirSync(OUT, { recursive: true });
  await loadDemoPlans(ctx.platform.db, new Date(`${DAY}T08:00:00Z`));
  citizen = await signedInCitizen(ctx, { locale: 'fr' });
  for (const code of ['AUC', 'AUST', 'AUTAR']) {
    staff[code] = {
      instructor: await signedInStaff(ctx, code, 'instructor', { locale: 'fr' }),
      director: await signedInStaff(ctx, code, 'director', { locale: 'fr' }),
    };
  }
}, 240_000);
afterAll(async () => ctx?.close());

const json = <T = Record<string, unknown>>(res: { json(): unknown }) => res.json() as T;
type Problem = { code: string; title: string; detail?: string; status: number };

/** A draft NRU case of the citizen, with its land data and the mandatory documents uploaded. */
async function draft(agencyCode: string, data: Record<string, unknown>, client: TestClient = citizen.client) {
  const created = await client.post('/api/cases', { procedure: 'NRU', agencyCode, data });
  expect(created.statusCode, created.body).toBe(201);
  const id = json<{ id: string }>(created).id;
  const codes = ['id_card'];
  if (data.land_status === 'titled') codes.push('land_certificate', 'cadastral_plan');
  if (data.land_status === 'requisition') codes.push('requisition');
  if (data.land_status === 'unregistered') codes.push('surveyor_plan', 'ownership_deed');
  for (const checklistCode of codes) {
    const up = await client.upload(
      `/api/cases/${id}/documents`,
      { checklistCode },
      { filename: `${checklistCode}.pdf`, bytes: PDF },
    );
    expect(up.statusCode, up.body).toBe(201);
  }
  return id;
}

const version = async (id: string, client: TestClient = citizen.client) =>
  json<{ version: number }>(await client.get(`/api/cases/${id}`)).version;

async function deposit(id: string) {
  const res = await citizen.client.post(`/api/cases/${id}/transitions/deposit`, {
    version: await version(id),
    input: {},
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(json<{ state: { key: string } }>(res).state.key).toBe('awaiting_payment');
}

/** Pays the case's order through the CMI protocol (checkout, then the bank's signed callback). */
async function pay(id: string) {
  const [order] = json<{ id: string; amountCentimes: number }[]>(
    await citizen.client.get(`/api/cases/${id}/payment-orders`),
  );
  const start = await citizen.client.post(`/api/payments/orders/${order!.id}/checkout`, {});
  expect(start.statusCode, start.body).toBe(201);
  const { HASH: _hash, ...fields } = json<{ fields: Record<string, string> }>(start).fields;
  const approved = {
    ...fields,
    ProcReturnCode: '00',
    Response: 'Approved',
    TransId: `T${Date.now()}`,
    AuthCode: '123456',
  };
  const body = new URLSearchParams({
    ...approved,
    HASH: cmiHash(approved, ctx.config.payments.cmi!.storeKey),
  }).toString();
  const reply = await ctx
    .client()
    .post('/api/payments/cmi/callback', body, { 'content-type': 'application/x-www-form-urlencoded' });
  expect(reply.body).toBe('ACTION=POSTAUTH');
  return { order: order!, body };
}

type StaffNote = {
  caseId: string;
  state: string;
  version: number;
  automatic: {
    variant: string;
    parcel: { areaM2: number };
    zones: {
      ref: string;
      zoneCode: string;
      areaM2: number;
      percent: number;
      rules: Record<string, unknown>;
    }[];
    servitudes: { ref: string; areaM2: number }[];
    reservations: { ref: string; areaM2: number }[];
    alignments: { ref: string; areaM2: number }[];
    warnings: { code: string }[];
  };
  contentSha256: string;
  automaticSha256: string;
  editVersion: number;
  diff: { kind: string; path?: string; before?: unknown; after?: unknown }[];
  review: { sha256: string } | null;
  document: { id: string; number: string; verificationCode: string; ready: boolean; status: string } | null;
};

const staffNote = async (id: string, who: Person) => {
  const res = await who.client.get(`/api/staff/e-note/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<StaffNote>(res);
};

/** Deposit, pay, and let the outbox compute the automatic draft: the case is then under review. */
async function toReview(agencyCode: string, parcel: Record<string, unknown>, data: Record<string, unknown>) {
  const id = await draft(agencyCode, data);
  const saved = await citizen.client.put(`/api/e-note/cases/${id}/parcel`, parcel);
  expect(saved.statusCode, saved.body).toBe(200);
  await deposit(id);
  await pay(id);
  await ctx.drain();
  const note = await staffNote(id, staff[agencyCode]!.instructor);
  expect(note.state).toBe('review');
  return { id, note };
}

const FOLDERS = { AUC: 'casablanca', AUST: 'skhirate-temara', AUTAR: 'taroudant' } as const;
const LAMBERT = { AUC: 'EPSG:26191', AUST: 'EPSG:26191', AUTAR: 'EPSG:26192' } as const;

describe('the automatic draft on demo parcels that straddle zones', () => {
  // Each agency's parcels are given a different way: picked from the register (WGS 84 from the
  // database), typed as Lambert metres, drawn on the map (WGS 84 from proj4 here).
  const cases: { agency: keyof typeof FOLDERS; parcel: string; how: 'title' | 'lambert' | 'drawn' }[] = [
    { agency: 'AUC', parcel: 'P-01', how: 'title' },
    { agency: 'AUC', parcel: 'P-03', how: 'lambert' },
    { agency: 'AUST', parcel: 'P-01', how: 'lambert' },
    { agency: 'AUST', parcel: 'P-05', how: 'drawn' },
    { agency: 'AUTAR', parcel: 'P-01', how: 'drawn' },
    { agency: 'AUTAR', parcel: 'P-02', how: 'title' },
  ];
  const worst = { zones: 0, others: 0 };
  for (const { agency, parcel: parcelId, how } of cases) {
    it(`${agency} ${parcelId} (${how}): zones, reservations, servitudes and alignments within 1 m²`, async () => {
      const folder = FOLDERS[agency];
      const feature = demo(folder, 'parcels.geojson').features.find(
        (f) => f.properties.parcelId === parcelId,
      )!;
      const ring = open((feature.geometry.coordinates as number[][][])[0]!);
      const title = feature.properties.titleNumber as string;
      const requisition = feature.properties.titleKind === 'requisition';
      const typed = requisition ? `Réq. ${title}` : title;
      const body =
        how === 'title'
          ? { source: 'title', landTitle: typed }
          : how === 'lambert'
            ? {
                source: 'coordinates',
                system: 'lambert',
                text: ring.map((p) => `${p[0]} ${p[1]}`).join('\n'),
                landTitle: typed,
              }
            : { source: 'drawn', positions: ring.map((p) => toWgs84(LAMBERT[agency], p)), landTitle: typed };
      const { note } = await toReview(agency, body, {
        land_status: requisition ? 'requisition' : 'titled',
        land_title: typed,
        purpose: 'Projet de construction',
      });
      const auto = note.automatic;
      expect(Math.abs(auto.parcel.areaM2 - Math.abs(shoelace(ring)))).toBeLessThan(1);

      const zones = new Map(
        demo(folder, 'zones.geojson').features.map((f) => [f.properties.zoneId as string, f]),
      );
      const expectedZones = feature.properties.expectedZones as {
        zoneId: string;
        zoneCode: string;
        areaM2: number;
      }[];
      expect(auto.zones.map((z) => z.ref).sort()).toEqual(expectedZones.map((z) => z.zoneId).sort());
      for (const z of auto.zones) {
        const reference = overlap(zones.get(z.ref)!.geometry, ring);
        const diff = Math.abs(z.areaM2 - reference);
        worst.zones = Math.max(worst.zones, diff);
        expect(diff, `${z.ref}: ${z.areaM2} vs ${reference}`).toBeLessThan(1);
        expect(z.zoneCode).toBe(zones.get(z.ref)!.properties.zoneCode);
        expect(z.percent).toBeCloseTo((reference / Math.abs(shoelace(ring))) * 100, 0);
        expect(z.rules.articleFr).toBeTruthy();
      }
      const reservations = new Map(
        demo(folder, 'reservations.geojson').features.map((f) => [f.properties.reservationId as string, f]),
      );
      expect(auto.reservations.map((r) => r.ref).sort()).toEqual(
        (feature.properties.expectedReservations as { reservationId: string }[])
          .map((r) => r.reservationId)
          .sort(),
      );
      for (const r of auto.reservations) {
        const diff = Math.abs(r.areaM2 - overlap(reservations.get(r.ref)!.geometry, ring));
        worst.others = Math.max(worst.others, diff);
        expect(diff).toBeLessThan(1);
      }
      const servitudes = new Map(
        demo(folder, 'servitudes.geojson').features.map((f) => [f.properties.servitudeId as string, f]),
      );
      expect(auto.servitudes.map((s) => s.ref).sort()).toEqual(
        (feature.properties.expectedServitudes as { servitudeId: string }[]).map((s) => s.servitudeId).sort(),
      );
      for (const s of auto.servitudes) {
        const diff = Math.abs(s.areaM2 - overlap(servitudes.get(s.ref)!.geometry, ring));
        worst.others = Math.max(worst.others, diff);
        expect(diff).toBeLessThan(1);
      }
      const roads = demo(folder, 'roads.geojson').features;
      const alignment = auto.alignments.reduce((s, a) => s + a.areaM2, 0);
      const reference = roads.reduce((s, f) => s + Math.abs(shoelace(clipConvex(rightOfWay(f), ring))), 0);
      expect(Math.abs(alignment - reference)).toBeLessThan(1);
      expect(Math.abs(alignment - (feature.properties.expectedRoadRightOfWayM2 as number))).toBeLessThan(1);
      worst.others = Math.max(worst.others, Math.abs(alignment - reference));
      expect(auto.warnings.map((w) => w.code)).toContain('synthetic_data');
      expect(auto.variant).toBe('approved');
    });
  }
  afterAll(() => {
    writeFileSync(path.join(OUT, 'overlay-accuracy.json'), JSON.stringify(worst, null, 2));
  });
});

describe('review, signature and delivery', () => {
  it('the instructor amends with a diff, the director signs what was reviewed, the citizen gets a verifiable PDF', async () => {
    const { id, note } = await toReview(
      'AUC',
      { source: 'title', landTitle: '31457/C' },
      {
        land_status: 'titled',
        land_title: 'TF n° 31457/C',
        purpose: 'Construction d’un immeuble',
      },
    );
    const { instructor, director } = staff.AUC!;
    const eq0 = note.automatic.zones.findIndex((z) => z.zoneCode === 'EQ');
    // Only listed values may change, each with a reason; observations are free text.
    const bad = await instructor.client.put(`/api/staff/e-note/cases/${id}/amendments`, {
      editVersion: note.editVersion,
      amendments: { corrections: [{ path: '/parcel/areaM2', value: 1, reason: 'essai' }], observations: [] },
    });
    expect(bad.statusCode).toBe(422);
    expect(json<Problem>(bad).code).toBe('enote.correction_invalid');
    const amended = await instructor.client.put(`/api/staff/e-note/cases/${id}/amendments`, {
      editVersion: note.editVersion,
      amendments: {
        corrections: [
          { path: `/zones/${eq0}/rules/cos`, value: 1.2, reason: 'Article 12 du règlement modifié' },
        ],
        observations: [
          {
            fr: "La partie réservée à l'école (EP 2) ne peut recevoir aucune construction privée.",
            ar: 'الجزء المخصص للمدرسة (EP 2) لا يقبل أي بناء خاص.',
          },
        ],
      },
    });
    expect(amended.statusCode, amended.body).toBe(200);
    const reviewed = json<StaffNote>(amended);
    expect(reviewed.diff).toEqual([
      expect.objectContaining({ kind: 'correction', path: `/zones/${eq0}/rules/cos`, after: 1.2 }),
      expect.objectContaining({ kind: 'observation' }),
    ]);
    expect(reviewed.contentSha256).not.toBe(reviewed.automaticSha256);
    // A stale edit is refused, nothing lost.
    const stale = await instructor.client.put(`/api/staff/e-note/cases/${id}/amendments`, {
      editVersion: note.editVersion,
      amendments: { corrections: [], observations: [] },
    });
    expect(json<Problem>(stale).code).toBe('enote.stale_edit');

    const submitted = await instructor.client.post(`/api/cases/${id}/transitions/submit`, {
      version: reviewed.version,
      input: { contentSha256: reviewed.contentSha256 },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const toSign = await staffNote(id, director);
    expect(toSign.state).toBe('signature');
    expect(toSign.review?.sha256).toBe(reviewed.contentSha256);
    // Amendments are closed once the note left review.
    const late = await instructor.client.put(`/api/staff/e-note/cases/${id}/amendments`, {
      editVersion: toSign.editVersion,
      amendments: { corrections: [], observations: [] },
    });
    expect(json<Problem>(late).code).toBe('enote.not_editable');
    // The instructor may not sign; the director signs with the hash shown.
    expect(
      (
        await instructor.client.post(`/api/cases/${id}/transitions/sign`, {
          version: toSign.version,
          input: { contentSha256: toSign.contentSha256 },
        })
      ).statusCode,
    ).toBe(409);
    const signed = await director.client.post(`/api/cases/${id}/transitions/sign`, {
      version: toSign.version,
      input: { contentSha256: toSign.contentSha256 },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    await ctx.drain();
    const done = await staffNote(id, director);
    expect(done.state).toBe('delivered');
    expect(done.document?.ready).toBe(true);

    // The applicant's view: the signed content and the PDF.
    const mine = json<{
      document: { downloadUrl: string; verificationCode: string };
      content: { observations: unknown[] };
    }>(await citizen.client.get(`/api/e-note/cases/${id}`));
    expect(mine.content.observations).toHaveLength(1);
    const file = await citizen.client.get(mine.document.downloadUrl);
    expect(file.statusCode).toBe(200);
    const pdf = file.rawPayload;
    writeFileSync(path.join(OUT, 'note-AUC-31457-C.pdf'), pdf);
    const report = pdfsig(pdf);
    const signatures = signatureReports(report);
    expect(signatures).toHaveLength(3);
    for (const s of signatures) expect(s).toContain('Signature is Valid.');
    expect(signatures.at(-1)).toContain('Total document signed');
    const words = pdftotext(pdf);
    expect(words).toContain('Note de renseignements urbanistiques');
    expect(words).toContain('31457/C');
    expect(words).toContain('EP 2');
    expect(words).toContain('1,20');
    const [url] = zbarPdfPage(pdf, { dpi: 150 });
    expect(url).toBe(`http://taamir.test/verify/${mine.document.verificationCode}`);
    const verified = json<{ status: string; type: string }>(
      await ctx.client().get(`/api/verify/${mine.document.verificationCode}`),
    );
    expect(verified.status).toBe('valid');
    // Mailed with the PDF attached.
    const mail = ctx.mails.find(
      (m) =>
        m.to === citizen.email &&
        (m.attachments ?? []).length > 0 &&
        m.text?.includes(mine.document.verificationCode),
    );
    expect(mail).toBeTruthy();
    const revisions = await ctx.platform.db.orm
      .select()
      .from(enoteRevisions)
      .where(eq(enoteRevisions.caseId, id));
    expect(revisions.map((r) => r.kind)).toEqual(['automatic', 'amended', 'reviewed', 'signed']);

    // Re-issue: the director issues the note again from today's plans; the earlier one is superseded.
    const reissued = await director.client.post(`/api/staff/e-note/cases/${id}/reissue`, {
      reason: 'Correction de la désignation de la zone',
      refresh: true,
    });
    expect(reissued.statusCode, reissued.body).toBe(201);
    await ctx.drain();
    const old = json<{ status: string; supersededBy: { number: string } | null }>(
      await ctx.client().get(`/api/verify/${mine.document.verificationCode}`),
    );
    expect(old.status).toBe('superseded');
    const replacement = json<{ replacement: { number: string; verificationCode: string } }>(
      reissued,
    ).replacement;
    expect(old.supersededBy?.number).toBe(replacement.number);
    const fresh = json<{ status: string }>(
      await ctx.client().get(`/api/verify/${replacement.verificationCode}`),
    );
    expect(fresh.status).toBe('valid');
    const [replacementRow] = await ctx.platform.db.orm
      .select()
      .from(issuedDocuments)
      .where(eq(issuedDocuments.number, replacement.number));
    const replacementPdf = (await citizen.client.get(`/api/documents/${replacementRow!.id}/file`)).rawPayload;
    expect(pdftotext(replacementPdf)).toMatch(/Remplace le document n°\s+AUC-NOTE-/);
  });

  it('refuses to sign a note whose content changed since review, and loses nothing', async () => {
    const { id } = await toReview(
      'AUST',
      { source: 'title', landTitle: '76512/R' },
      {
        land_status: 'titled',
        land_title: '76512/R',
      },
    );
    const { instructor, director } = staff.AUST!;
    let note = await staffNote(id, instructor);
    expect(
      (
        await instructor.client.post(`/api/cases/${id}/transitions/submit`, {
          version: note.version,
          input: { contentSha256: note.contentSha256 },
        })
      ).statusCode,
    ).toBe(200);
    const shown = await staffNote(id, director);
    // Sent back, changed, sent again: the director's screen still shows the former content.
    expect(
      (
        await director.client.post(`/api/cases/${id}/transitions/return_to_review`, {
          version: shown.version,
          input: { comment: 'Préciser la servitude ferroviaire.' },
        })
      ).statusCode,
    ).toBe(200);
    note = await staffNote(id, instructor);
    const edited = json<StaffNote>(
      await instructor.client.put(`/api/staff/e-note/cases/${id}/amendments`, {
        editVersion: note.editVersion,
        amendments: { corrections: [], observations: [{ fr: 'Voir la servitude ferroviaire.', ar: '' }] },
      }),
    );
    expect(
      (
        await instructor.client.post(`/api/cases/${id}/transitions/submit`, {
          version: edited.version,
          input: { contentSha256: edited.contentSha256 },
        })
      ).statusCode,
    ).toBe(200);
    const current = await staffNote(id, director);
    const refused = await director.client.post(`/api/cases/${id}/transitions/sign`, {
      version: current.version,
      input: { contentSha256: shown.contentSha256 },
    });
    expect(refused.statusCode).toBe(409);
    const problem = json<Problem>(refused);
    expect(problem.code).toBe('enote.content_changed');
    expect(problem.detail).toContain(shown.contentSha256.slice(0, 8));
    // Changed behind the review's back (here in the database): refused too.
    await ctx.platform.db.orm
      .update(enoteNotes)
      .set({ amendments: { corrections: [], observations: [{ fr: 'Ajout non vérifié', ar: '' }] } })
      .where(eq(enoteNotes.caseId, id));
    const tampered = await director.client.post(`/api/cases/${id}/transitions/sign`, {
      version: current.version,
      input: { contentSha256: current.contentSha256 },
    });
    expect(json<Problem>(tampered).code).toBe('enote.content_changed');
    const after = await staffNote(id, director);
    expect(after.state).toBe('signature');
    expect(after.document).toBeNull();
    const docs = await ctx.platform.db.orm
      .select()
      .from(issuedDocuments)
      .where(eq(issuedDocuments.caseId, id));
    expect(docs.map((d) => d.type).sort()).toEqual(['deposit_receipt', 'payment_receipt']);
  });

  it('lets the instructor ask for one missing piece, then review goes on', async () => {
    const { id, note } = await toReview(
      'AUTAR',
      { source: 'title', landTitle: '12740/48' },
      {
        land_status: 'titled',
        land_title: '12740/48',
      },
    );
    const { instructor } = staff.AUTAR!;
    const asked = await instructor.client.post(`/api/cases/${id}/transitions/request_piece`, {
      version: note.version,
      input: {
        message: 'Le certificat de propriété a plus de 3 mois.',
        checklistCodes: ['land_certificate'],
      },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    await citizen.client.upload(
      `/api/cases/${id}/documents`,
      { checklistCode: 'land_certificate' },
      { filename: 'cp.pdf', bytes: PDF },
    );
    const answered = await citizen.client.post(`/api/cases/${id}/transitions/provide_piece`, {
      version: await version(id),
      input: { answer: 'Certificat récent joint.' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const again = await instructor.client.post(`/api/cases/${id}/transitions/request_piece`, {
      version: (await staffNote(id, instructor)).version,
      input: { message: 'Encore une pièce ?', checklistCodes: ['id_card'] },
    });
    expect(json<Problem>(again).code).toBe('case.missing_pieces_already_requested');
  });
});

describe('bulk signature', () => {
  it('signs each note with its own signature and reports the failures one by one', async () => {
    const { director, instructor } = staff.AUC!;
    const ready: { id: string; version: number; sha: string }[] = [];
    for (const title of ['8812/D', '22561/63']) {
      const { id } = await toReview(
        'AUC',
        { source: 'title', landTitle: title },
        { land_status: 'titled', land_title: title },
      );
      const n = await staffNote(id, instructor);
      await instructor.client.post(`/api/cases/${id}/transitions/submit`, {
        version: n.version,
        input: { contentSha256: n.contentSha256 },
      });
      const s = await staffNote(id, director);
      ready.push({ id, version: s.version, sha: s.contentSha256 });
    }
    // One note of another agency, in the same batch.
    const { id: foreign } = await toReview(
      'AUST',
      { source: 'title', landTitle: '113209/R' },
      { land_status: 'titled', land_title: '113209/R' },
    );
    const list = json<{ items: { id: string; reviewedSha256: string | null }[] }>(
      await director.client.get('/api/staff/e-note/notes?state=signature'),
    );
    expect(list.items.map((i) => i.id)).toEqual(expect.arrayContaining(ready.map((r) => r.id)));
    expect(list.items.map((i) => i.id)).not.toContain(foreign);
    const res = await director.client.post('/api/staff/e-note/sign', {
      items: [
        { caseId: ready[0]!.id, version: ready[0]!.version, contentSha256: ready[0]!.sha },
        { caseId: ready[1]!.id, version: ready[1]!.version, contentSha256: ready[0]!.sha },
        { caseId: foreign, version: 5, contentSha256: ready[0]!.sha },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{
      signed: number;
      failed: number;
      results: {
        caseId: string;
        status: string;
        problem?: Problem;
        document?: { sha256: string; signatures: number };
      }[];
    }>(res);
    expect(body).toMatchObject({ signed: 1, failed: 2 });
    expect(body.results[0]).toMatchObject({ status: 'signed', document: { signatures: 3 } });
    expect(body.results[1]).toMatchObject({
      status: 'failed',
      problem: { code: 'enote.content_changed', status: 409 },
    });
    expect(body.results[1]!.problem!.title).toBe('Le contenu de la note a changé depuis sa vérification');
    expect(body.results[2]).toMatchObject({
      status: 'failed',
      problem: { code: 'case.not_found', status: 404 },
    });
    // The failed note is untouched and can still be signed with the right hash.
    const retry = await director.client.post('/api/staff/e-note/sign', {
      items: [{ caseId: ready[1]!.id, version: ready[1]!.version, contentSha256: ready[1]!.sha }],
    });
    expect(json<{ signed: number }>(retry).signed).toBe(1);
  });
});

describe('statistics per day', () => {
  it('counts notes requested and delivered, with average and 90th-percentile delays', async () => {
    const res = await staff.AUC!.director.client.get(`/api/staff/e-note/stats?from=${DAY}&to=${DAY}`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = json<{
      days: {
        date: string;
        requested: number;
        delivered: number;
        delayDays: { average: number; p90: number };
      }[];
      totals: { requested: number; delivered: number };
    }>(res);
    expect(stats.days).toHaveLength(1);
    expect(stats.totals.requested).toBeGreaterThanOrEqual(5);
    expect(stats.totals.delivered).toBe(3);
    expect(stats.days[0]!.delayDays.average).toBeGreaterThanOrEqual(0);
    const csv = (await staff.AUC!.director.client.get(`/api/staff/e-note/stats.csv?from=${DAY}&to=${DAY}`))
      .body;
    expect(csv.split('\n')[1]).toMatch(new RegExp(`^${DAY},\\d+,3,`));
    // Another agency's director sees only their own.
    const other = json<{ totals: { delivered: number } }>(
      await staff.AUTAR!.director.client.get(`/api/staff/e-note/stats?from=${DAY}&to=${DAY}`),
    );
    expect(other.totals.delivered).toBe(0);
  });
});

describe('bad input', () => {
  const check = (body: Record<string, unknown>, agencyCode = 'AUC', locale = 'fr') =>
    ctx.client({ locale }).post('/api/e-note/parcel/check', { agencyCode, parcel: body });
  const codeOf = async (res: Promise<{ statusCode: number; json(): unknown }>) => {
    const r = await res;
    return `${r.statusCode} ${(r.json() as Problem).code}`;
  };
  const CASA = open(
    (demo('casablanca', 'parcels.geojson').features[0]!.geometry.coordinates as number[][][])[0]!,
  );
  const text = (points: XY[]) => points.map((p) => p.join(' ')).join('\n');

  it('explains a wrong land-title format, in the caller’s language', async () => {
    for (const [input, code] of [
      ['12345', 'enote.land_title_missing_suffix'],
      ['12345/CASA', 'enote.land_title_suffix_invalid'],
      ['12A45/C', 'enote.land_title_number_invalid'],
      ['abc', 'enote.land_title_format'],
      ['', 'enote.land_title_empty'],
    ] as const) {
      const res = await ctx
        .client({ locale: 'ar' })
        .get(`/api/e-note/titles?agency=AUC&q=${encodeURIComponent(input)}`);
      expect(res.statusCode, input).toBe(422);
      const problem = json<Problem>(res);
      expect(problem.code).toBe(code);
      expect(problem.title).toMatch(/[\u0600-\u06FF]/);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const found = json<{ title: { number: string }; hits: { number: string }[] }>(
      await ctx.client().get(`/api/e-note/titles?agency=AUC&q=${encodeURIComponent('Réq. n° 45127/63')}`),
    );
    expect(found.hits.map((h) => h.number)).toEqual(['45127/63']);
    expect(await codeOf(ctx.client().get('/api/e-note/titles?agency=AUST&q=31457/C'))).toBe(
      '422 enote.land_title_other_agency',
    );
    expect(await codeOf(check({ source: 'title', landTitle: '99999/C' }))).toBe(
      '422 enote.land_title_not_found',
    );
  });

  it('refuses a parcel outside the agency, across two agencies, self-intersecting, of 0 m² or 50 km²', async () => {
    expect(await codeOf(check({ source: 'coordinates', system: 'lambert', text: text(CASA) }, 'AUST'))).toBe(
      '422 enote.parcel_outside_territory',
    );
    const outside = json<Problem>(
      await check({ source: 'coordinates', system: 'lambert', text: text(CASA) }, 'AUST'),
    );
    expect(outside.detail).toContain('Casablanca');
    const across = [
      [-7.3, 33.7],
      [-7.0, 33.7],
      [-7.0, 33.701],
      [-7.3, 33.701],
    ];
    expect(await codeOf(check({ source: 'drawn', positions: across }))).toBe(
      '422 enote.parcel_crosses_agencies',
    );
    const bowtie = [CASA[0]!, CASA[2]!, CASA[1]!, CASA[3]!];
    const crossing = json<Problem & { at: number[] }>(
      await check({ source: 'coordinates', system: 'auto', text: text(bowtie) }),
    );
    expect(crossing.code).toBe('enote.parcel_self_intersecting');
    expect(crossing.detail).toMatch(/2892\d\d/);
    const flat: XY[] = [CASA[0]!, [CASA[0]![0] + 10, CASA[0]![1]], [CASA[0]![0] + 20, CASA[0]![1]]];
    expect(await codeOf(check({ source: 'coordinates', system: 'auto', text: text(flat) }))).toBe(
      '422 enote.parcel_too_small',
    );
    const [x, y] = CASA[0]!;
    const huge: XY[] = [
      [x, y],
      [x + 5000, y],
      [x + 5000, y + 10_000],
      [x, y + 10_000],
    ];
    expect(await codeOf(check({ source: 'coordinates', system: 'auto', text: text(huge) }))).toBe(
      '422 enote.parcel_too_large',
    );
  });

  it('refuses WGS 84 coordinates given as Lambert, and says how to fix it', async () => {
    const degrees = CASA.map((p) =>
      toWgs84('EPSG:26191', p)
        .map((v) => v.toFixed(7))
        .join(' '),
    ).join('\n');
    const res = await check({ source: 'coordinates', system: 'lambert', text: degrees }, 'AUC', 'fr');
    expect(res.statusCode).toBe(422);
    expect(json<Problem>(res)).toMatchObject({ code: 'enote.coordinates_wgs84_as_lambert' });
    expect(json<Problem>(res).detail).toContain('WGS 84');
    // Detected when left to the platform, latitude first as phones copy them.
    const latFirst = CASA.map((p) => {
      const [lon, lat] = toWgs84('EPSG:26191', p);
      return `${lat}, ${lon}`;
    }).join('\n');
    const ok = json<{ inputCrs: string; swapped: boolean; areaM2: number }>(
      await check({ source: 'coordinates', system: 'auto', text: latFirst }),
    );
    expect(ok).toMatchObject({ inputCrs: 'EPSG:4326', swapped: true });
    expect(ok.areaM2).toBeCloseTo(667, 0);
    // A file labelled Lambert that holds degrees.
    const geojson = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::26191' } },
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [[...CASA, CASA[0]!].map((p) => toWgs84('EPSG:26191', p))],
          },
        },
      ],
    };
    const file = await check({
      source: 'file',
      system: 'auto',
      filename: 'parcelle.geojson',
      contentBase64: Buffer.from(JSON.stringify(geojson)).toString('base64'),
    });
    expect(json<Problem>(file).code).toBe('enote.coordinates_wgs84_as_lambert');
    // Binary content is refused whatever the name says.
    const binary = await check({
      source: 'file',
      system: 'auto',
      filename: 'sommets.csv',
      contentBase64: PDF.toString('base64').replace(/^JVBER/, 'AAAAA'),
    });
    expect(json<Problem>(binary).code).toBe('enote.coordinates_file_type');
  });

  it('refuses to deposit without a parcel, and keeps the draft', async () => {
    const id = await draft('AUC', { land_status: 'titled', land_title: '31457/C' });
    const res = await citizen.client.post(`/api/cases/${id}/transitions/deposit`, {
      version: await version(id),
      input: {},
    });
    expect(res.statusCode).toBe(409);
    expect(json<Problem>(res).code).toBe('enote.parcel_missing');
    const view = json<{ state: { key: string }; reference: string | null }>(
      await citizen.client.get(`/api/cases/${id}`),
    );
    expect(view).toMatchObject({ state: { key: 'draft' }, reference: null });
    // The parcel cannot change once deposited.
    await citizen.client.put(`/api/e-note/cases/${id}/parcel`, { source: 'title', landTitle: '31457/C' });
    await deposit(id);
    const late = await citizen.client.put(`/api/e-note/cases/${id}/parcel`, {
      source: 'title',
      landTitle: '8812/D',
    });
    expect(json<Problem>(late).code).toBe('enote.not_editable');
  });

  it('takes a payment once: a second checkout is refused and a replayed callback changes nothing', async () => {
    const id = await draft('AUC', { land_status: 'titled', land_title: '97340/C' });
    await citizen.client.put(`/api/e-note/cases/${id}/parcel`, { source: 'title', landTitle: '97340/C' });
    await deposit(id);
    const { order, body } = await pay(id);
    const again = await citizen.client.post(`/api/payments/orders/${order.id}/checkout`, {});
    expect(again.statusCode).toBe(409);
    expect(json<Problem>(again).code).toBe('payment.already_paid');
    const replay = await ctx.client().post('/api/payments/cmi/callback', body, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(replay.body).toBe('ACTION=POSTAUTH');
    await ctx.drain();
    const [row] = await ctx.platform.db.orm
      .select()
      .from(paymentOrders)
      .where(eq(paymentOrders.id, order.id));
    expect(row!.status).toBe('paid');
    expect(order.amountCentimes).toBe(25_000);
    const jobs = await ctx.platform.db.orm
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(eq(outbox.dedupeKey, `case:${id}:enote-draft`));
    expect(jobs[0]!.n).toBe(1);
    const revisions = await ctx.platform.db.orm
      .select()
      .from(enoteRevisions)
      .where(eq(enoteRevisions.caseId, id));
    expect(revisions.filter((r) => r.kind === 'automatic')).toHaveLength(1);
    expect((await staffNote(id, staff.AUC!.instructor)).state).toBe('review');
  });
});
