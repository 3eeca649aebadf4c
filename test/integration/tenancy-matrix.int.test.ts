// The role × route × tenant matrix. It walks every route the app registers:
//  - anonymous callers get 401 on every non-public route;
//  - every role gets 403 exactly on the staff routes whose permission it lacks;
//  - a staff member of one agency never reads or changes another agency's data (404 or filtered),
//    while a platform administrator reaches both.
// A new staff route must get a tenant probe below (or a reason in TENANT_FREE), or this test fails.
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/accounts/api-tokens.ts';
import { loadDemoPlans } from '../../src/geo/demo-plans.ts';
import { createImport, runImportCheck } from '../../src/geo/import/imports.ts';
import { planVersions } from '../../src/geo/tables.ts';
import { agencies, memberships, organizations } from '../../src/platform/db/tables.ts';
import type { RouteEntry } from '../../src/platform/http/access.ts';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../src/platform/tenancy/roles.ts';
import { seedComplaintDefaults } from '../../src/services/complaints/defaults.ts';
import { complaintCategories, complaintTemplates } from '../../src/services/complaints/tables.ts';
import { type Person, signedInCitizen, signedInStaff, uniqueEmail } from '../support/fixtures.ts';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
const byRole = new Map<Role, Person>();

const ORG_FOR_ROLE: Record<Role, string> = {
  front_desk: 'AUST',
  instructor: 'AUST',
  geomatics: 'AUST',
  finance: 'AUST',
  legal: 'AUST',
  director: 'AUST',
  committee_member: 'AUST',
  commune_president: 'COMMUNE-501.01.01',
  ministry_analyst: 'MHPV-DU',
  platform_admin: 'TAAMIR',
};

beforeAll(async () => {
  ctx = await createTestContext();
  // The commune used for the commune president must belong to AUST's territory.
  const [commune] = await ctx.platform.db.orm
    .select()
    .from(organizations)
    .where(eq(organizations.code, ORG_FOR_ROLE.commune_president));
  const [aust] = await ctx.platform.db.orm.select().from(agencies).where(eq(agencies.code, 'AUST'));
  expect(commune?.agencyId).toBe(aust?.id);
  for (const role of ROLES) byRole.set(role, await signedInStaff(ctx, ORG_FOR_ROLE[role], role));
}, 180_000);
afterAll(async () => ctx?.close());

const routes = () => ctx.app.routeCatalogue;
const fill = (url: string) =>
  url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':code', 'AUST');

async function call(
  client: TestClient,
  entry: { method: string; url: string },
  body?: Record<string, unknown>,
) {
  return client.request(
    entry.method as 'GET',
    fill(entry.url),
    entry.method === 'GET' || entry.method === 'DELETE' ? undefined : (body ?? {}),
  );
}

describe('every non-public route', () => {
  it('is refused to anonymous callers with 401', async () => {
    const guarded = routes().filter((r) => r.access.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(5);
    for (const entry of guarded) {
      const res = await call(ctx.client(), entry);
      expect(res.statusCode, `${entry.method} ${entry.url}`).toBe(401);
      expect(res.json().code).toBe('auth.required');
    }
  });
});

describe('roles × staff routes', () => {
  it('gives 403 exactly to the roles without the permission', async () => {
    const staffRoutes = routes().filter(
      (r): r is RouteEntry & { access: { kind: 'staff' } } => r.access.kind === 'staff',
    );
    for (const entry of staffRoutes) {
      for (const role of ROLES) {
        const res = await call(byRole.get(role)!.client, entry);
        const allowed = ROLE_PERMISSIONS[role].includes(entry.access.permission);
        const label = `${role} ${entry.method} ${entry.url} → ${res.statusCode}`;
        if (allowed) expect([401, 403], label).not.toContain(res.statusCode);
        else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().code).toBe('auth.forbidden');
        }
      }
    }
  });

  it('user routes are open to every signed-in role', async () => {
    for (const entry of routes().filter((r) => r.access.kind === 'user')) {
      for (const role of ROLES) {
        const res = await call(byRole.get(role)!.client, entry);
        expect([401, 403], `${role} ${entry.method} ${entry.url}`).not.toContain(res.statusCode);
      }
    }
  });
});

// Tenant probes -------------------------------------------------------------------------------------

type Probe = (fx: { own: TestClient; admin: TestClient }) => Promise<void>;

async function orgId(code: string): Promise<string> {
  const [org] = await ctx.platform.db.orm.select().from(organizations).where(eq(organizations.code, code));
  return org!.id;
}

async function membershipIn(code: string): Promise<string> {
  const other = await signedInStaff(ctx, code, 'instructor');
  const [m] = await ctx.platform.db.orm
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, other.userId), isNull(memberships.revokedAt)));
  return m!.id;
}

async function tokenIn(code: string): Promise<string> {
  const organizationId = await orgId(code);
  const token = await ctx.platform.db.transaction((tx) =>
    createApiToken(tx, { organizationId, name: `probe-${code}`, scopes: ['open311'], createdBy: null }),
  );
  return token.id;
}

const TENANT_PROBES: Record<string, Probe> = {
  'GET /api/admin/organizations': async ({ own, admin }) => {
    const [aust] = await ctx.platform.db.orm.select().from(agencies).where(eq(agencies.code, 'AUST'));
    const mine = (await own.get('/api/admin/organizations')).json() as {
      agencyId: string | null;
      code: string;
    }[];
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.every((o) => o.agencyId === aust!.id)).toBe(true);
    const all = (await admin.get('/api/admin/organizations')).json() as { code: string }[];
    expect(all.map((o) => o.code)).toEqual(expect.arrayContaining(['AUST', 'AUC', 'MHPV-DU']));
  },
  'GET /api/admin/organizations/:id/memberships': async ({ own, admin }) => {
    const auc = await orgId('AUC');
    expect((await own.get(`/api/admin/organizations/${auc}/memberships`)).statusCode).toBe(404);
    expect((await own.get(`/api/admin/organizations/${await orgId('AUST')}/memberships`)).statusCode).toBe(
      200,
    );
    expect((await admin.get(`/api/admin/organizations/${auc}/memberships`)).statusCode).toBe(200);
  },
  'POST /api/admin/memberships': async ({ own, admin }) => {
    const body = (org: string) => ({
      organizationId: org,
      email: uniqueEmail('probe'),
      fullName: 'Probe Person',
      role: 'instructor',
    });
    const foreign = await own.post('/api/admin/memberships', body(await orgId('AUC')));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('membership.organization_not_found');
    expect((await own.post('/api/admin/memberships', body(await orgId('AUST')))).statusCode).toBe(201);
    expect((await admin.post('/api/admin/memberships', body(await orgId('AUC')))).statusCode).toBe(201);
  },
  'DELETE /api/admin/memberships/:id': async ({ own, admin }) => {
    const foreign = await membershipIn('AUC');
    expect((await own.delete(`/api/admin/memberships/${foreign}`)).statusCode).toBe(404);
    expect((await own.delete(`/api/admin/memberships/${await membershipIn('AUST')}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/admin/memberships/${foreign}`)).statusCode).toBe(204);
  },
  'GET /api/admin/api-tokens': async ({ own }) => {
    const foreign = await tokenIn('AUC');
    const mine = await tokenIn('AUST');
    const ids = ((await own.get('/api/admin/api-tokens')).json() as { id: string }[]).map((t) => t.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(foreign);
  },
  'POST /api/admin/api-tokens': async ({ own, admin }) => {
    const body = async (code: string) => ({
      organizationId: await orgId(code),
      name: 'Partner',
      scopes: ['open311'],
    });
    expect((await own.post('/api/admin/api-tokens', await body('AUC'))).statusCode).toBe(404);
    const created = await own.post('/api/admin/api-tokens', await body('AUST'));
    expect(created.statusCode).toBe(201);
    expect(created.json().token).toMatch(/^tmr_/);
    expect((await admin.post('/api/admin/api-tokens', await body('AUC'))).statusCode).toBe(201);
  },
  'DELETE /api/admin/api-tokens/:id': async ({ own, admin }) => {
    const foreign = await tokenIn('AUC');
    expect((await own.delete(`/api/admin/api-tokens/${foreign}`)).statusCode).toBe(404);
    expect((await own.delete(`/api/admin/api-tokens/${await tokenIn('AUST')}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/admin/api-tokens/${foreign}`)).statusCode).toBe(204);
  },
  'PUT /api/agencies/:code/contact': async ({ own, admin }) => {
    const current = (await own.get('/api/agencies/AUC')).json();
    const contact = { ...current.contact, hours: { ar: 'من 8 إلى 16', fr: 'De 8h à 16h' } };
    expect((await own.put('/api/agencies/AUC/contact', contact)).statusCode).toBe(404);
    expect(
      ((await own.get('/api/agencies/AUC')).json() as { contact: { hours: unknown } }).contact.hours,
    ).toEqual(current.contact.hours);
    const mine = (await own.get('/api/agencies/AUST')).json();
    expect(
      (await own.put('/api/agencies/AUST/contact', { ...mine.contact, hours: contact.hours })).statusCode,
    ).toBe(200);
    expect((await admin.put('/api/agencies/AUC/contact', contact)).statusCode).toBe(200);
  },
};

// Cases of two agencies, deposited by two citizens, for the case probes.
let cases: { aust: string; auc: string } | undefined;
let citizens: { owner: Person; stranger: Person } | undefined;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

async function fixtureCases() {
  if (cases && citizens) return { ...cases, ...citizens };
  const owner = await signedInCitizen(ctx);
  const stranger = await signedInCitizen(ctx);
  const make = async (agencyCode: string) => {
    const created = (
      await owner.client.post('/api/cases', {
        procedure: 'INFO',
        agencyCode,
        data: {
          subject: 'Question',
          topic: 'other',
          question: 'Une question assez longue pour être valable.',
        },
      })
    ).json();
    await owner.client.upload(
      `/api/cases/${created.id}/documents`,
      { checklistCode: 'supporting_document' },
      { filename: 'a.pdf', bytes: PDF },
    );
    const view = (await owner.client.get(`/api/cases/${created.id}`)).json();
    const res = await owner.client.post(`/api/cases/${created.id}/transitions/deposit`, {
      version: view.version,
      input: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    return created.id as string;
  };
  cases = { aust: await make('AUST'), auc: await make('AUC') };
  citizens = { owner, stranger };
  return { ...cases, ...citizens };
}

const versionOf = async (client: TestClient, id: string) =>
  ((await client.get(`/api/staff/cases/${id}`)).json() as { version: number }).version;
const firstDocument = async (client: TestClient, id: string) =>
  (
    (await client.get(`/api/staff/cases/${id}`)).json() as { checklist: { documents: { id: string }[] }[] }
  ).checklist.flatMap((c) => c.documents)[0]!.id;

Object.assign(TENANT_PROBES, {
  'GET /api/staff/queue': async ({ own, admin }) => {
    const { aust, auc } = await fixtureCases();
    const mine = (
      (await own.get('/api/staff/queue?phase=all&limit=200')).json() as { items: { id: string }[] }
    ).items.map((i) => i.id);
    expect(mine).toContain(aust);
    expect(mine).not.toContain(auc);
    const all = (
      (await admin.get('/api/staff/queue?phase=all&limit=200')).json() as { items: { id: string }[] }
    ).items.map((i) => i.id);
    expect(all).toEqual(expect.arrayContaining([aust, auc]));
  },
  'GET /api/staff/cases/:id': async ({ own, admin }) => {
    const { aust, auc } = await fixtureCases();
    expect((await own.get(`/api/staff/cases/${auc}`)).statusCode).toBe(404);
    expect((await own.get(`/api/staff/cases/${aust}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/staff/cases/${auc}`)).statusCode).toBe(200);
  },
  'POST /api/staff/cases/:id/assign': async ({ own }) => {
    const { aust, auc } = await fixtureCases();
    const director = byRole.get('director')!;
    expect(
      (await own.post(`/api/staff/cases/${auc}/assign`, { assigneeId: director.userId, version: 2 }))
        .statusCode,
    ).toBe(404);
    const res = await own.post(`/api/staff/cases/${aust}/assign`, {
      assigneeId: director.userId,
      version: await versionOf(own, aust),
    });
    expect(res.statusCode, res.body).toBe(200);
    // A colleague of another agency cannot be assigned.
    const foreign = await signedInStaff(ctx, 'AUC', 'instructor');
    const wrong = await own.post(`/api/staff/cases/${aust}/assign`, {
      assigneeId: foreign.userId,
      version: await versionOf(own, aust),
    });
    expect(wrong.json().code).toBe('case.assignee_invalid');
  },
  'POST /api/staff/cases/:id/notes': async ({ own }) => {
    const { aust, auc } = await fixtureCases();
    expect((await own.post(`/api/staff/cases/${auc}/notes`, { body: 'note' })).statusCode).toBe(404);
    expect((await own.post(`/api/staff/cases/${aust}/notes`, { body: 'note interne' })).statusCode).toBe(201);
  },
  'POST /api/staff/cases/:id/requests': async ({ own }) => {
    const { aust, auc } = await fixtureCases();
    const body = { kind: 'clarification', message: 'Précisez la parcelle concernée.', dueInDays: 5 };
    expect((await own.post(`/api/staff/cases/${auc}/requests`, body)).statusCode).toBe(404);
    expect((await own.post(`/api/staff/cases/${aust}/requests`, body)).statusCode).toBe(201);
  },
  'DELETE /api/staff/cases/:id/requests/:requestId': async ({ own, admin }) => {
    const { aust, auc } = await fixtureCases();
    const body = { kind: 'clarification', message: 'Question de suivi.', dueInDays: 5 };
    const foreignRequest = (await admin.post(`/api/staff/cases/${auc}/requests`, body)).json().id;
    expect((await own.delete(`/api/staff/cases/${auc}/requests/${foreignRequest}`)).statusCode).toBe(404);
    expect((await own.delete(`/api/staff/cases/${aust}/requests/${foreignRequest}`)).statusCode).toBe(404);
    const mine = (await own.post(`/api/staff/cases/${aust}/requests`, body)).json().id;
    expect((await own.delete(`/api/staff/cases/${aust}/requests/${mine}`)).statusCode).toBe(204);
  },
  'GET /api/staff/cases/:id/documents/:documentId': async ({ own, admin }) => {
    const { aust, auc } = await fixtureCases();
    const foreignDoc = await firstDocument(admin, auc);
    expect((await own.get(`/api/staff/cases/${auc}/documents/${foreignDoc}`)).statusCode).toBe(404);
    expect((await own.get(`/api/staff/cases/${aust}/documents/${foreignDoc}`)).statusCode).toBe(404);
    const mine = await own.get(`/api/staff/cases/${aust}/documents/${await firstDocument(own, aust)}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-disposition']).toMatch(/^attachment/);
  },
  'POST /api/staff/cases/:id/documents': async ({ own }) => {
    const { aust, auc } = await fixtureCases();
    const file = { filename: 'scan.pdf', bytes: PDF };
    expect(
      (await own.upload(`/api/staff/cases/${auc}/documents`, { checklistCode: 'supporting_document' }, file))
        .statusCode,
    ).toBe(404);
    expect(
      (await own.upload(`/api/staff/cases/${aust}/documents`, { checklistCode: 'supporting_document' }, file))
        .statusCode,
    ).toBe(201);
  },
  'GET /api/staff/assignees': async ({ own }) => {
    const [aust] = await ctx.platform.db.orm.select().from(agencies).where(eq(agencies.code, 'AUST'));
    const people = (await own.get('/api/staff/assignees')).json().people as { agencyId: string }[];
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p.agencyId === aust!.id)).toBe(true);
  },
} satisfies Record<string, Probe>);

// Geoportal: plans and checked imports of two agencies, for the geo probes.
let geoFixtures:
  | { imports: { AUST: string; AUC: string }; versions: { AUST: string; AUC: string } }
  | undefined;
const zoneFile = (lon: number, lat: number) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { ZONE: 'B4' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [lon, lat],
              [lon + 0.001, lat],
              [lon + 0.001, lat + 0.001],
              [lon, lat + 0.001],
              [lon, lat],
            ],
          ],
        },
      },
    ],
  });
const GEO_AT = { AUST: [-6.91, 33.92], AUC: [-7.6, 33.55] } as const;
const GEOJSON = { 'content-type': 'application/geo+json' };

async function geoCases() {
  if (geoFixtures) return geoFixtures;
  await loadDemoPlans(ctx.platform.db, new Date());
  const make = async (code: 'AUST' | 'AUC') => {
    const [agency] = await ctx.platform.db.orm.select().from(agencies).where(eq(agencies.code, code));
    const id = await createImport(ctx.platform.db.orm, {
      agencyId: agency!.id,
      actor: { userId: null, label: 'probe' },
      fileName: 'zones.geojson',
      bytes: new TextEncoder().encode(zoneFile(GEO_AT[code][0], GEO_AT[code][1])),
      now: new Date(),
    });
    await runImportCheck(ctx.platform, id);
    const [version] = await ctx.platform.db.orm
      .select()
      .from(planVersions)
      .where(eq(planVersions.agencyId, agency!.id));
    return { id, version: version!.id };
  };
  const aust = await make('AUST');
  const auc = await make('AUC');
  geoFixtures = {
    imports: { AUST: aust.id, AUC: auc.id },
    versions: { AUST: aust.version, AUC: auc.version },
  };
  return geoFixtures;
}

Object.assign(TENANT_PROBES, {
  'GET /api/geo/agencies': async ({ own, admin }) => {
    expect(((await own.get('/api/geo/agencies')).json() as { code: string }[]).map((a) => a.code)).toEqual([
      'AUST',
    ]);
    const all = ((await admin.get('/api/geo/agencies')).json() as { code: string }[]).map((a) => a.code);
    expect(all).toEqual(expect.arrayContaining(['AUC', 'AUST', 'AUTAR']));
  },
  'POST /api/geo/imports': async ({ own, admin }) => {
    const at = (code: 'AUST' | 'AUC') => zoneFile(GEO_AT[code][0], GEO_AT[code][1]);
    const foreign = await own.post('/api/geo/imports?agency=AUC&fileName=z.geojson', at('AUC'), GEOJSON);
    expect(foreign.statusCode).toBe(404);
    expect(
      (await own.post('/api/geo/imports?agency=AUST&fileName=z.geojson', at('AUST'), GEOJSON)).statusCode,
    ).toBe(202);
    expect(
      (await admin.post('/api/geo/imports?agency=AUC&fileName=z.geojson', at('AUC'), GEOJSON)).statusCode,
    ).toBe(202);
  },
  'GET /api/geo/imports': async ({ own }) => {
    const { imports } = await geoCases();
    const ids = ((await own.get('/api/geo/imports')).json() as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(imports.AUST);
    expect(ids).not.toContain(imports.AUC);
  },
  'GET /api/geo/imports/:id': async ({ own, admin }) => {
    const { imports } = await geoCases();
    expect((await own.get(`/api/geo/imports/${imports.AUC}`)).statusCode).toBe(404);
    expect((await own.get(`/api/geo/imports/${imports.AUST}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/geo/imports/${imports.AUC}`)).statusCode).toBe(200);
  },
  'GET /api/geo/imports/:id/issues': async ({ own, admin }) => {
    const { imports } = await geoCases();
    expect((await own.get(`/api/geo/imports/${imports.AUC}/issues`)).statusCode).toBe(404);
    expect((await own.get(`/api/geo/imports/${imports.AUST}/issues`)).statusCode).toBe(200);
    expect((await admin.get(`/api/geo/imports/${imports.AUC}/issues`)).statusCode).toBe(200);
  },
  'POST /api/geo/imports/:id/publish': async ({ own, admin }) => {
    const { imports } = await geoCases();
    const body = {
      document: {
        slug: 'probe-plan',
        kind: 'plan_amenagement',
        nameFr: 'Plan sonde',
        nameAr: 'تصميم تجريبي',
      },
      lifecycle: { status: 'in_study' },
    };
    expect((await own.post(`/api/geo/imports/${imports.AUC}/publish`, body)).statusCode).toBe(404);
    const published = await admin.post(`/api/geo/imports/${imports.AUC}/publish`, body);
    expect(published.statusCode, published.body).toBe(201);
  },
  'GET /api/geo/plans': async ({ own, admin }) => {
    await geoCases();
    const slugs = async (client: TestClient) =>
      ((await client.get('/api/geo/plans')).json() as { slug: string }[]).map((p) => p.slug);
    const mine = await slugs(own);
    expect(mine).toContain('pa-temara-centre-demo');
    expect(mine).not.toContain('pa-hay-hassani-oulfa-demo');
    expect(await slugs(admin)).toEqual(
      expect.arrayContaining(['pa-temara-centre-demo', 'pa-hay-hassani-oulfa-demo']),
    );
  },
  'POST /api/geo/versions/:id/status': async ({ own, admin }) => {
    const { versions } = await geoCases();
    const body = { status: 'expired', effectsUntil: '2030-01-01' };
    expect((await own.post(`/api/geo/versions/${versions.AUC}/status`, body)).statusCode).toBe(404);
    const res = await admin.post(`/api/geo/versions/${versions.AUC}/status`, body);
    expect(res.statusCode, res.body).toBe(200);
  },
} satisfies Record<string, Probe>);

// E-complaints: one complaint in each of two agencies, filed by the same citizen, for the complaint probes.
let complaintFixtures: { aust: string; auc: string; owner: Person; stranger: Person } | undefined;

async function complaintCases() {
  if (complaintFixtures) return complaintFixtures;
  await seedComplaintDefaults(ctx.platform, ['AUST', 'AUC']);
  const owner = await signedInCitizen(ctx);
  const stranger = await signedInCitizen(ctx);
  const make = async (agencyCode: string) => {
    const res = await owner.client.post('/api/complaints', {
      agencyCode,
      category: 'service_quality',
      description: 'Personne ne répond au téléphone du guichet depuis une semaine.',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  complaintFixtures = { aust: await make('AUST'), auc: await make('AUC'), owner, stranger };
  return complaintFixtures;
}

async function complaintRow(table: 'categories' | 'templates', agencyCode: string) {
  const [agency] = await ctx.platform.db.orm.select().from(agencies).where(eq(agencies.code, agencyCode));
  await complaintCases();
  const source = table === 'categories' ? complaintCategories : complaintTemplates;
  const [row] = await ctx.platform.db.orm
    .select()
    .from(source)
    .where(eq(source.agencyId, agency!.id))
    .limit(1);
  return row!.id;
}

const categoryBody = (agencyCode: string, code: string) => ({
  agencyCode,
  code,
  name: { ar: 'صنف تجريبي', fr: 'Catégorie sonde', en: 'Probe category' },
  answerDays: 10,
  isPublic: false,
  questions: [],
});
const templateBody = (agencyCode: string) => ({
  agencyCode,
  locale: 'fr',
  kind: 'update',
  title: 'Modèle sonde',
  body: 'Votre réclamation {reference} avance.',
});

Object.assign(TENANT_PROBES, {
  'GET /api/staff/complaints': async ({ own, admin }) => {
    const { aust, auc } = await complaintCases();
    const ids = async (client: TestClient) =>
      ((await client.get('/api/staff/complaints?phase=all&limit=200')).json().items as { id: string }[]).map(
        (i) => i.id,
      );
    const mine = await ids(own);
    expect(mine).toContain(aust);
    expect(mine).not.toContain(auc);
    expect(await ids(admin)).toEqual(expect.arrayContaining([aust, auc]));
  },
  'GET /api/staff/complaints/stats': async ({ own, admin }) => {
    await complaintCases();
    const agenciesOf = async (client: TestClient) =>
      new Set(
        (
          (await client.get('/api/staff/complaints/stats?from=2000-01-01')).json().rows as {
            agencyCode: string;
          }[]
        ).map((r) => r.agencyCode),
      );
    expect([...(await agenciesOf(own))]).toEqual(['AUST']);
    expect([...(await agenciesOf(admin))]).toEqual(expect.arrayContaining(['AUST', 'AUC']));
  },
  'GET /api/staff/complaints/stats.csv': async ({ own, admin }) => {
    await complaintCases();
    const csv = async (client: TestClient) =>
      (await client.get('/api/staff/complaints/stats.csv?from=2000-01-01')).body;
    expect(await csv(own)).not.toMatch(/\nAUC,/);
    expect(await csv(own)).toMatch(/\nAUST,/);
    expect(await csv(admin)).toMatch(/\nAUC,/);
  },
  'GET /api/staff/complaints/:id': async ({ own, admin }) => {
    const { aust, auc } = await complaintCases();
    expect((await own.get(`/api/staff/complaints/${auc}`)).statusCode).toBe(404);
    expect((await own.get(`/api/staff/complaints/${aust}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/staff/complaints/${auc}`)).statusCode).toBe(200);
  },
  'POST /api/staff/complaints/:id/updates': async ({ own }) => {
    const { aust, auc } = await complaintCases();
    const body = { text: 'Le guichet a été renforcé.' };
    expect((await own.post(`/api/staff/complaints/${auc}/updates`, body)).statusCode).toBe(404);
    expect((await own.post(`/api/staff/complaints/${aust}/updates`, body)).statusCode).toBe(201);
  },
  'POST /api/staff/complaints/:id/messages': async ({ own }) => {
    const { aust, auc } = await complaintCases();
    const body = { body: 'Pouvez-vous préciser le jour ?' };
    expect((await own.post(`/api/staff/complaints/${auc}/messages`, body)).statusCode).toBe(404);
    expect((await own.post(`/api/staff/complaints/${aust}/messages`, body)).statusCode).toBe(201);
  },
  'POST /api/staff/complaints/:id/redactions': async ({ own }) => {
    const { aust, auc } = await complaintCases();
    const body = { target: 'description', publicText: 'Le guichet ne répond pas.', reason: 'Reformulation' };
    expect((await own.post(`/api/staff/complaints/${auc}/redactions`, body)).statusCode).toBe(404);
    expect((await own.post(`/api/staff/complaints/${aust}/redactions`, body)).statusCode).toBe(201);
  },
  'POST /api/staff/complaints/:id/visibility': async ({ own }) => {
    const { aust, auc } = await complaintCases();
    const body = { isPublic: false, reason: 'Privé' };
    expect((await own.post(`/api/staff/complaints/${auc}/visibility`, body)).statusCode).toBe(404);
    expect((await own.post(`/api/staff/complaints/${aust}/visibility`, body)).statusCode).toBe(204);
  },
  'GET /api/staff/complaint-categories': async ({ own, admin }) => {
    await complaintCases();
    expect((await own.get('/api/staff/complaint-categories?agency=AUC')).statusCode).toBe(404);
    expect((await own.get('/api/staff/complaint-categories?agency=AUST')).statusCode).toBe(200);
    expect((await admin.get('/api/staff/complaint-categories?agency=AUC')).statusCode).toBe(200);
  },
  'POST /api/staff/complaint-categories': async ({ own, admin }) => {
    await complaintCases();
    expect(
      (await own.post('/api/staff/complaint-categories', categoryBody('AUC', 'probe_own'))).statusCode,
    ).toBe(404);
    expect(
      (await own.post('/api/staff/complaint-categories', categoryBody('AUST', 'probe_own'))).statusCode,
    ).toBe(201);
    expect(
      (await admin.post('/api/staff/complaint-categories', categoryBody('AUC', 'probe_admin'))).statusCode,
    ).toBe(201);
  },
  'PUT /api/staff/complaint-categories/:id': async ({ own, admin }) => {
    const foreign = await complaintRow('categories', 'AUC');
    const body = categoryBody('AUC', 'probe_renamed');
    expect((await own.put(`/api/staff/complaint-categories/${foreign}`, body)).statusCode).toBe(404);
    expect(
      (await own.put(`/api/staff/complaint-categories/${foreign}`, { ...body, agencyCode: 'AUST' }))
        .statusCode,
    ).toBe(404);
    expect((await admin.put(`/api/staff/complaint-categories/${foreign}`, body)).statusCode).toBe(200);
  },
  'GET /api/staff/complaint-templates': async ({ own, admin }) => {
    const [aust] = await ctx.platform.db.orm.select().from(agencies).where(eq(agencies.code, 'AUST'));
    await complaintCases();
    const mine = (await own.get('/api/staff/complaint-templates')).json() as { agencyId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.agencyId === aust!.id)).toBe(true);
    expect((await own.get('/api/staff/complaint-templates?agency=AUC')).json()).toEqual([]);
    expect(
      ((await admin.get('/api/staff/complaint-templates?agency=AUC')).json() as unknown[]).length,
    ).toBeGreaterThan(0);
  },
  'POST /api/staff/complaint-templates': async ({ own, admin }) => {
    await complaintCases();
    expect((await own.post('/api/staff/complaint-templates', templateBody('AUC'))).statusCode).toBe(404);
    expect((await own.post('/api/staff/complaint-templates', templateBody('AUST'))).statusCode).toBe(201);
    expect((await admin.post('/api/staff/complaint-templates', templateBody('AUC'))).statusCode).toBe(201);
  },
  'PUT /api/staff/complaint-templates/:id': async ({ own, admin }) => {
    const foreign = await complaintRow('templates', 'AUC');
    expect(
      (await own.put(`/api/staff/complaint-templates/${foreign}`, templateBody('AUST'))).statusCode,
    ).toBe(404);
    expect(
      (await admin.put(`/api/staff/complaint-templates/${foreign}`, templateBody('AUC'))).statusCode,
    ).toBe(200);
  },
  'DELETE /api/staff/complaint-templates/:id': async ({ own, admin }) => {
    const foreign = await complaintRow('templates', 'AUC');
    expect((await own.delete(`/api/staff/complaint-templates/${foreign}`)).statusCode).toBe(404);
    expect(
      (await own.delete(`/api/staff/complaint-templates/${await complaintRow('templates', 'AUST')}`))
        .statusCode,
    ).toBe(204);
    expect((await admin.delete(`/api/staff/complaint-templates/${foreign}`)).statusCode).toBe(204);
  },
} satisfies Record<string, Probe>);

/** Staff routes that touch no agency-owned data, with the reason. */
const TENANT_FREE: Record<string, string> = {
  'GET /api/admin/calendar-overrides': 'national calendar, platform administrators only',
  'POST /api/admin/calendar-overrides': 'national calendar, platform administrators only',
  'DELETE /api/admin/calendar-overrides/:id': 'national calendar, platform administrators only',
};

/** Signed-in routes that address an object by id: only its owner (or its agency's staff) may reach it. */
const OWNER_PROBES: Record<string, () => Promise<void>> = {
  'GET /api/cases/:id': async () => {
    const { aust, owner, stranger } = await fixtureCases();
    expect((await stranger.client.get(`/api/cases/${aust}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/cases/${aust}`)).statusCode).toBe(200);
  },
  'PUT /api/cases/:id/draft': async () => {
    const { owner, stranger } = await fixtureCases();
    const draft = (
      await owner.client.post('/api/cases', { procedure: 'INFO', agencyCode: 'AUST', data: {} })
    ).json();
    expect(
      (await stranger.client.put(`/api/cases/${draft.id}/draft`, { version: draft.version, data: {} }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await owner.client.put(`/api/cases/${draft.id}/draft`, {
          version: draft.version,
          data: { subject: 'x' },
        })
      ).statusCode,
    ).toBe(200);
  },
  'POST /api/cases/:id/transitions/:transition': async () => {
    const { auc, stranger } = await fixtureCases();
    const foreign = byRole.get('director')!.client;
    expect(
      (await stranger.client.post(`/api/cases/${auc}/transitions/withdraw`, { version: 2, input: {} }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await foreign.post(`/api/cases/${auc}/transitions/decline`, {
          version: 2,
          input: { reasons: ['Hors sujet.'] },
        })
      ).statusCode,
    ).toBe(404);
  },
  'POST /api/cases/:id/documents': async () => {
    const { aust, stranger } = await fixtureCases();
    expect(
      (
        await stranger.client.upload(
          `/api/cases/${aust}/documents`,
          { checklistCode: 'supporting_document' },
          { filename: 'a.pdf', bytes: PDF },
        )
      ).statusCode,
    ).toBe(404);
  },
  'GET /api/cases/:id/documents/:documentId': async () => {
    const { aust, owner, stranger } = await fixtureCases();
    const doc = (
      (await owner.client.get(`/api/cases/${aust}`)).json() as {
        checklist: { documents: { id: string }[] }[];
      }
    ).checklist.flatMap((c) => c.documents)[0]!.id;
    expect((await stranger.client.get(`/api/cases/${aust}/documents/${doc}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/cases/${aust}/documents/${doc}`)).statusCode).toBe(200);
  },
  'DELETE /api/cases/:id/documents/:documentId': async () => {
    const { aust, owner, stranger } = await fixtureCases();
    const doc = (
      (await owner.client.get(`/api/cases/${aust}`)).json() as {
        checklist: { documents: { id: string }[] }[];
      }
    ).checklist.flatMap((c) => c.documents)[0]!.id;
    expect((await stranger.client.delete(`/api/cases/${aust}/documents/${doc}`)).statusCode).toBe(404);
    // The owner cannot remove a document once the case is deposited either.
    expect((await owner.client.delete(`/api/cases/${aust}/documents/${doc}`)).statusCode).toBe(409);
  },
  'POST /api/cases/:id/messages': async () => {
    const { aust, owner, stranger } = await fixtureCases();
    expect((await stranger.client.post(`/api/cases/${aust}/messages`, { body: 'Bonjour' })).statusCode).toBe(
      404,
    );
    expect((await owner.client.post(`/api/cases/${aust}/messages`, { body: 'Bonjour' })).statusCode).toBe(
      201,
    );
  },
  'POST /api/cases/:id/requests/:requestId/answer': async () => {
    const { aust, owner, stranger } = await fixtureCases();
    const director = byRole.get('director')!.client;
    const request = (
      await director.post(`/api/staff/cases/${aust}/requests`, {
        kind: 'clarification',
        message: 'Une précision ?',
        dueInDays: 5,
      })
    ).json().id;
    expect(
      (await stranger.client.post(`/api/cases/${aust}/requests/${request}/answer`, { answer: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await owner.client.post(`/api/cases/${aust}/requests/${request}/answer`, {
          answer: 'La parcelle 12.',
        })
      ).statusCode,
    ).toBe(200);
  },
};

Object.assign(OWNER_PROBES, {
  'GET /api/complaints/mine/:id': async () => {
    const { aust, owner, stranger } = await complaintCases();
    expect((await stranger.client.get(`/api/complaints/mine/${aust}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/complaints/mine/${aust}`)).statusCode).toBe(200);
  },
});

// Documents and payments: receipts of the fixture cases, and e-document orders in both agencies.
type DocSummary = { id: string; type: string; number: string };
const caseDocuments = async (client: TestClient, caseId: string) => {
  await ctx.drain();
  return (await client.get(`/api/cases/${caseId}/issued-documents`)).json() as DocSummary[];
};
let paymentFixture:
  | { aust: { orderId: string; caseId: string }; auc: { orderId: string; caseId: string } }
  | undefined;
async function paymentCases() {
  if (paymentFixture) return paymentFixture;
  const { owner } = await fixtureCases();
  const make = async (agencyCode: string, pay: boolean) => {
    const data = {
      document_kind: 'plan_print',
      plan_reference: 'PA',
      copies: 1,
      requester_kind: 'individual',
    };
    const created = (await owner.client.post('/api/cases', { procedure: 'EDOC', agencyCode, data })).json();
    await owner.client.post(`/api/cases/${created.id}/transitions/deposit`, {
      version: created.version,
      input: {},
    });
    const [order] = (await owner.client.get(`/api/cases/${created.id}/payment-orders`)).json() as {
      id: string;
    }[];
    if (pay) {
      const { cmiHash } = await import('../../src/payments/cmi/hash.ts');
      const start = (await owner.client.post(`/api/payments/orders/${order!.id}/checkout`, {})).json();
      const { HASH: _h, ...fields } = start.fields as Record<string, string>;
      const approved = { ...fields, ProcReturnCode: '00', Response: 'Approved', TransId: `T${agencyCode}` };
      const body = new URLSearchParams({
        ...approved,
        HASH: cmiHash(approved, ctx.config.payments.cmi!.storeKey),
      });
      const reply = await ctx.client().post('/api/payments/cmi/callback', body.toString(), {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(reply.body).toBe('ACTION=POSTAUTH');
    }
    return { orderId: order!.id, caseId: created.id as string };
  };
  paymentFixture = { aust: await make('AUST', true), auc: await make('AUC', true) };
  return paymentFixture;
}
const TARIFF = (agencyCode: string) => ({
  agencyCode,
  service: 'urban_note',
  label: { ar: 'مذكرة', fr: 'Note', en: 'Note' },
  rule: { kind: 'fixed', amountCentimes: 30_000 },
  validFrom: '2026-01-01',
});

Object.assign(TENANT_PROBES, {
  'GET /api/staff/documents': async ({ own, admin }) => {
    const { aust, auc, owner } = await fixtureCases();
    const [mine] = await caseDocuments(owner.client, aust);
    const [foreign] = await caseDocuments(owner.client, auc);
    const numbers = async (client: TestClient) =>
      ((await client.get('/api/staff/documents?limit=200')).json() as DocSummary[]).map((d) => d.number);
    expect(await numbers(own)).toContain(mine!.number);
    expect(await numbers(own)).not.toContain(foreign!.number);
    expect(await numbers(admin)).toEqual(expect.arrayContaining([mine!.number, foreign!.number]));
  },
  'POST /api/staff/documents/:id/revoke': async ({ own }) => {
    const { auc, owner } = await fixtureCases();
    const { aust } = await paymentCases();
    const [foreign] = await caseDocuments(owner.client, auc);
    const reason = { reason: 'Émis par erreur (sonde).' };
    expect((await own.post(`/api/staff/documents/${foreign!.id}/revoke`, reason)).statusCode).toBe(404);
    const mine = (await caseDocuments(owner.client, aust.caseId)).find((d) => d.type === 'deposit_receipt')!;
    const res = await own.post(`/api/staff/documents/${mine.id}/revoke`, reason);
    expect(res.statusCode, res.body).toBe(200);
  },
  'POST /api/staff/documents/:id/supersede': async ({ own }) => {
    const { aust, auc, owner } = await fixtureCases();
    const [foreign] = await caseDocuments(owner.client, auc);
    const [mine] = await caseDocuments(owner.client, aust);
    const reason = { reason: 'Réédition (sonde).' };
    expect((await own.post(`/api/staff/documents/${foreign!.id}/supersede`, reason)).statusCode).toBe(404);
    expect((await own.post(`/api/staff/documents/${mine!.id}/supersede`, reason)).statusCode).toBe(201);
  },
  'GET /api/staff/payments/orders': async ({ own, admin }) => {
    const { aust, auc } = await paymentCases();
    const ids = async (client: TestClient) =>
      ((await client.get('/api/staff/payments/orders?limit=200')).json() as { id: string }[]).map(
        (o) => o.id,
      );
    expect(await ids(own)).toContain(aust.orderId);
    expect(await ids(own)).not.toContain(auc.orderId);
    expect(await ids(admin)).toEqual(expect.arrayContaining([aust.orderId, auc.orderId]));
    expect((await own.get('/api/staff/payments/orders?agency=AUC')).statusCode).toBe(404);
  },
  'POST /api/staff/payments/orders/:id/refunds': async ({ own, admin }) => {
    const { aust, auc } = await paymentCases();
    const body = { amountCentimes: 100, reason: 'Geste commercial (sonde).' };
    expect((await own.post(`/api/staff/payments/orders/${auc.orderId}/refunds`, body)).statusCode).toBe(404);
    expect((await own.post(`/api/staff/payments/orders/${aust.orderId}/refunds`, body)).statusCode).toBe(201);
    expect((await admin.post(`/api/staff/payments/orders/${auc.orderId}/refunds`, body)).statusCode).toBe(
      201,
    );
  },
  'GET /api/staff/payments/reconciliation': async ({ own, admin }) => {
    await paymentCases();
    const day = new Date().toISOString().slice(0, 10);
    expect((await own.get(`/api/staff/payments/reconciliation?agency=AUC&date=${day}`)).statusCode).toBe(404);
    const mine = await own.get(`/api/staff/payments/reconciliation?agency=AUST&date=${day}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).not.toContain('AUC-OP-');
    expect((await admin.get(`/api/staff/payments/reconciliation?agency=AUC&date=${day}`)).statusCode).toBe(
      200,
    );
  },
  'GET /api/staff/tariffs': async ({ own, admin }) => {
    expect((await admin.post('/api/staff/tariffs', TARIFF('AUC'))).statusCode).toBe(201);
    const codes = async (client: TestClient) =>
      ((await client.get('/api/staff/tariffs')).json() as { agencyCode: string | null }[]).map(
        (t) => t.agencyCode,
      );
    expect(await codes(own)).not.toContain('AUC');
    expect(await codes(own)).toContain(null);
    expect(await codes(admin)).toContain('AUC');
  },
  'POST /api/staff/tariffs': async ({ own, admin }) => {
    expect((await own.post('/api/staff/tariffs', TARIFF('AUC'))).statusCode).toBe(404);
    expect((await own.post('/api/staff/tariffs', TARIFF('AUST'))).statusCode).toBe(201);
    expect((await admin.post('/api/staff/tariffs', TARIFF('AUTAR'))).statusCode).toBe(201);
  },
} satisfies Record<string, Probe>);

Object.assign(OWNER_PROBES, {
  'GET /api/documents/:id/file': async () => {
    const { aust, owner, stranger } = await fixtureCases();
    const [doc] = await caseDocuments(owner.client, aust);
    expect((await stranger.client.get(`/api/documents/${doc!.id}/file`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/documents/${doc!.id}/file`)).statusCode).toBe(200);
  },
  'GET /api/cases/:id/issued-documents': async () => {
    const { aust, owner, stranger } = await fixtureCases();
    expect((await stranger.client.get(`/api/cases/${aust}/issued-documents`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/cases/${aust}/issued-documents`)).statusCode).toBe(200);
  },
  'GET /api/payments/orders/:id': async () => {
    const { owner, stranger } = await fixtureCases();
    const { aust } = await paymentCases();
    expect((await stranger.client.get(`/api/payments/orders/${aust.orderId}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/payments/orders/${aust.orderId}`)).statusCode).toBe(200);
  },
  'POST /api/payments/orders/:id/checkout': async () => {
    const { owner, stranger } = await fixtureCases();
    const { aust } = await paymentCases();
    expect((await stranger.client.post(`/api/payments/orders/${aust.orderId}/checkout`, {})).statusCode).toBe(
      404,
    );
    expect((await owner.client.post(`/api/payments/orders/${aust.orderId}/checkout`, {})).json().code).toBe(
      'payment.already_paid',
    );
  },
  'GET /api/cases/:id/payment-orders': async () => {
    const { owner, stranger } = await fixtureCases();
    const { aust } = await paymentCases();
    expect((await stranger.client.get(`/api/cases/${aust.caseId}/payment-orders`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/cases/${aust.caseId}/payment-orders`)).statusCode).toBe(200);
  },
});

// E-note: one information note under review in each of two agencies, requested by the fixture owner.
let noteFixture: { aust: string; auc: string } | undefined;
async function noteCases() {
  if (noteFixture) return noteFixture;
  const { owner } = await fixtureCases();
  await loadDemoPlans(ctx.platform.db, new Date());
  const { cmiHash } = await import('../../src/payments/cmi/hash.ts');
  const make = async (agencyCode: string, title: string) => {
    const data = { land_status: 'titled', land_title: title };
    const created = (await owner.client.post('/api/cases', { procedure: 'NRU', agencyCode, data })).json();
    for (const checklistCode of ['id_card', 'land_certificate', 'cadastral_plan'])
      await owner.client.upload(
        `/api/cases/${created.id}/documents`,
        { checklistCode },
        { filename: 'a.pdf', bytes: PDF },
      );
    const parcel = await owner.client.put(`/api/e-note/cases/${created.id}/parcel`, {
      source: 'title',
      landTitle: title,
    });
    expect(parcel.statusCode, parcel.body).toBe(200);
    const view = (await owner.client.get(`/api/cases/${created.id}`)).json();
    await owner.client.post(`/api/cases/${created.id}/transitions/deposit`, {
      version: view.version,
      input: {},
    });
    const [order] = (await owner.client.get(`/api/cases/${created.id}/payment-orders`)).json() as {
      id: string;
    }[];
    const start = (await owner.client.post(`/api/payments/orders/${order!.id}/checkout`, {})).json();
    const { HASH: _h, ...fields } = start.fields as Record<string, string>;
    const approved = { ...fields, ProcReturnCode: '00', Response: 'Approved', TransId: `N${agencyCode}` };
    const body = new URLSearchParams({
      ...approved,
      HASH: cmiHash(approved, ctx.config.payments.cmi!.storeKey),
    });
    await ctx.client().post('/api/payments/cmi/callback', body.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    await ctx.drain();
    return created.id as string;
  };
  noteFixture = { aust: await make('AUST', '76512/R'), auc: await make('AUC', '31457/C') };
  return noteFixture;
}
type NoteProbeView = { state: string; version: number; contentSha256: string; editVersion: number };
const noteOf = async (client: TestClient, id: string) =>
  (await client.get(`/api/staff/e-note/cases/${id}`)).json() as NoteProbeView;
/** Brings the AUST note to `target` (review → signature → delivered) as its director. */
async function advanceNote(client: TestClient, id: string, target: 'signature' | 'delivered') {
  for (const [from, transition] of [
    ['review', 'submit'],
    ['signature', 'sign'],
  ] as const) {
    const note = await noteOf(client, id);
    if (note.state === target) return;
    if (note.state !== from) continue;
    const res = await client.post(`/api/cases/${id}/transitions/${transition}`, {
      version: note.version,
      input: { contentSha256: note.contentSha256 },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

Object.assign(TENANT_PROBES, {
  'GET /api/staff/e-note/notes': async ({ own, admin }) => {
    const { aust, auc } = await noteCases();
    const ids = async (client: TestClient) =>
      ((await client.get('/api/staff/e-note/notes?limit=200')).json().items as { id: string }[]).map(
        (i) => i.id,
      );
    expect(await ids(own)).toContain(aust);
    expect(await ids(own)).not.toContain(auc);
    expect(await ids(admin)).toEqual(expect.arrayContaining([aust, auc]));
  },
  'GET /api/staff/e-note/cases/:id': async ({ own, admin }) => {
    const { aust, auc } = await noteCases();
    expect((await own.get(`/api/staff/e-note/cases/${auc}`)).statusCode).toBe(404);
    expect((await own.get(`/api/staff/e-note/cases/${aust}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/staff/e-note/cases/${auc}`)).statusCode).toBe(200);
  },
  'PUT /api/staff/e-note/cases/:id/amendments': async ({ own }) => {
    const { aust, auc } = await noteCases();
    const body = (editVersion: number) => ({
      editVersion,
      amendments: { corrections: [], observations: [{ fr: 'Observation (sonde).', ar: '' }] },
    });
    expect((await own.put(`/api/staff/e-note/cases/${auc}/amendments`, body(0))).statusCode).toBe(404);
    const mine = await own.put(
      `/api/staff/e-note/cases/${aust}/amendments`,
      body((await noteOf(own, aust)).editVersion),
    );
    expect(mine.statusCode, mine.body).toBe(200);
  },
  'POST /api/staff/e-note/sign': async ({ own }) => {
    const { aust, auc } = await noteCases();
    await advanceNote(own, aust, 'signature');
    const mine = await noteOf(own, aust);
    const res = await own.post('/api/staff/e-note/sign', {
      items: [
        { caseId: auc, version: 5, contentSha256: mine.contentSha256 },
        { caseId: aust, version: mine.version, contentSha256: mine.contentSha256 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as { status: string; problem?: { status: number } }[];
    expect(results[0]).toMatchObject({ status: 'failed', problem: { status: 404 } });
    expect(results[1]).toMatchObject({ status: 'signed' });
  },
  'POST /api/staff/e-note/cases/:id/reissue': async ({ own }) => {
    const { aust, auc } = await noteCases();
    await advanceNote(own, aust, 'delivered');
    const body = { reason: 'Réédition (sonde).', refresh: false };
    expect((await own.post(`/api/staff/e-note/cases/${auc}/reissue`, body)).statusCode).toBe(404);
    const res = await own.post(`/api/staff/e-note/cases/${aust}/reissue`, body);
    expect(res.statusCode, res.body).toBe(201);
  },
  'GET /api/staff/e-note/stats': async ({ own, admin }) => {
    await noteCases();
    const requested = async (client: TestClient, query = '') =>
      (await client.get(`/api/staff/e-note/stats${query}`)).json().totals.requested as number;
    expect((await own.get('/api/staff/e-note/stats?agency=AUC')).statusCode).toBe(404);
    expect(await requested(own)).toBe(1);
    expect(await requested(admin)).toBeGreaterThanOrEqual(2);
    expect(await requested(admin, '?agency=AUC')).toBe(1);
  },
  'GET /api/staff/e-note/stats.csv': async ({ own, admin }) => {
    await noteCases();
    const total = async (client: TestClient) =>
      (await client.get('/api/staff/e-note/stats.csv')).body
        .trim()
        .split('\n')
        .slice(1)
        .reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
    expect((await own.get('/api/staff/e-note/stats.csv?agency=AUC')).statusCode).toBe(404);
    expect(await total(own)).toBe(1);
    expect(await total(admin)).toBeGreaterThanOrEqual(2);
  },
} satisfies Record<string, Probe>);

Object.assign(OWNER_PROBES, {
  'PUT /api/e-note/cases/:id/parcel': async () => {
    const { owner, stranger } = await fixtureCases();
    await loadDemoPlans(ctx.platform.db, new Date());
    const draft = (
      await owner.client.post('/api/cases', { procedure: 'NRU', agencyCode: 'AUST', data: {} })
    ).json();
    const body = { source: 'title', landTitle: '76512/R' };
    expect((await stranger.client.put(`/api/e-note/cases/${draft.id}/parcel`, body)).statusCode).toBe(404);
    const mine = await owner.client.put(`/api/e-note/cases/${draft.id}/parcel`, body);
    expect(mine.statusCode, mine.body).toBe(200);
  },
  'GET /api/e-note/cases/:id': async () => {
    const { owner, stranger } = await fixtureCases();
    const { aust } = await noteCases();
    expect((await stranger.client.get(`/api/e-note/cases/${aust}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/e-note/cases/${aust}`)).statusCode).toBe(200);
  },
});

describe('objects of signed-in users', () => {
  it('has an owner probe for every signed-in route that addresses an object', () => {
    const addressed = routes()
      .filter((r) => r.access.kind === 'user' && r.url.includes(':'))
      .map((r) => `${r.method} ${r.url}`);
    expect(addressed.filter((key) => !(key in OWNER_PROBES))).toEqual([]);
  });
  for (const [key, probe] of Object.entries(OWNER_PROBES)) {
    it(`keeps ${key} to its owner`, probe);
  }
});

describe('tenant isolation', () => {
  it('has a probe for every staff route', () => {
    const staffRoutes = routes()
      .filter((r) => r.access.kind === 'staff')
      .map((r) => `${r.method} ${r.url}`);
    const missing = staffRoutes.filter((key) => !(key in TENANT_PROBES) && !(key in TENANT_FREE));
    expect(missing).toEqual([]);
  });

  for (const [key, probe] of Object.entries(TENANT_PROBES)) {
    it(`keeps ${key} inside the caller's agency`, async () => {
      await probe({ own: byRole.get('director')!.client, admin: byRole.get('platform_admin')!.client });
    });
  }
});
