// An Open311 GeoReport v2 client written from the spec (http://wiki.open311.org/GeoReport_v2), using
// only published endpoints: discovery, services, service definitions, POST/GET requests, tokens — in
// JSON and in XML — plus the keys an administrator issues, their revocation, and tenancy.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInStaff } from '../../../../test/support/fixtures.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/support/test-app.ts';
import { seedComplaintDefaults } from '../defaults.ts';

let ctx: TestContext;
let austDirector: Person;
let aucInstructor: Person;
let admin: Person;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-03-16T09:00:00Z');
  await seedComplaintDefaults(ctx.platform, ['AUST', 'AUC']);
  austDirector = await signedInStaff(ctx, 'AUST', 'director');
  aucInstructor = await signedInStaff(ctx, 'AUC', 'instructor');
  admin = await signedInStaff(ctx, 'TAAMIR', 'platform_admin');
}, 180_000);
afterAll(async () => ctx?.close());

type Format = 'json' | 'xml';
type Doc = Record<string, unknown>;
const LISTS = ['service', 'request', 'attribute', 'value', 'error', 'endpoint', 'format'];
const xml = new XMLParser({
  isArray: (name) => LISTS.includes(name),
  parseTagValue: false,
  trimValues: true,
});

/** The spec's XML, read into the shape of its JSON (lists as arrays, values as strings). */
function fromXml(text: string): unknown {
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const doc = xml.parse(text) as Record<string, Record<string, unknown>>;
  const unwrap = (value: unknown, item: string) =>
    (value && typeof value === 'object' ? ((value as Record<string, unknown>)[item] ?? []) : []) as Doc[];
  if (doc.services !== undefined) return unwrap(doc.services, 'service');
  if (doc.service_requests !== undefined) return unwrap(doc.service_requests, 'request');
  if (doc.errors !== undefined) return unwrap(doc.errors, 'error');
  if (doc.service_definition) {
    const def = doc.service_definition;
    return {
      ...def,
      attributes: unwrap(def.attributes, 'attribute').map((a) => ({
        ...a,
        ...(a.values !== undefined ? { values: unwrap(a.values, 'value') } : {}),
      })),
    };
  }
  if (doc.discovery) {
    const d = doc.discovery;
    return {
      ...d,
      endpoints: unwrap(d.endpoints, 'endpoint').map((e) => ({ ...e, formats: unwrap(e.formats, 'format') })),
    };
  }
  throw new Error(`unexpected document: ${Object.keys(doc)}`);
}

/** A GeoReport v2 client: it finds the endpoint through discovery, then speaks the spec. */
class GeoReportClient {
  base = '';
  readonly http: TestClient;
  readonly format: Format;
  constructor(http: TestClient, format: Format) {
    this.http = http;
    this.format = format;
  }

  async call(method: 'GET' | 'POST', path: string, params: Record<string, string | string[]> = {}) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) query.append(k, one);
    const url = `${this.base}/${path}.${this.format}`;
    const res =
      method === 'GET'
        ? await this.http.get(`${url}${query.size ? `?${query}` : ''}`)
        : await this.http.request('POST', url, query.toString(), {
            'content-type': 'application/x-www-form-urlencoded',
          });
    expect(res.headers['content-type']).toBe(
      this.format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8',
    );
    const body = this.format === 'xml' ? fromXml(res.body) : res.json();
    return { status: res.statusCode, body: body as Doc & Doc[], raw: res.body };
  }

  async discover() {
    const res = await this.http.get(`/open311/discovery.${this.format}`);
    const doc = (this.format === 'xml' ? fromXml(res.body) : res.json()) as {
      endpoints: { specification: string; url: string; formats: string[] }[];
    };
    const endpoint = doc.endpoints.find((e) => e.specification === 'http://wiki.open311.org/GeoReport_v2');
    expect(endpoint?.formats).toEqual(['text/xml', 'application/json']);
    this.base = new URL(endpoint!.url).pathname;
    return doc;
  }
}

async function organizationId(code: string) {
  const orgs = (await admin.client.get('/api/admin/organizations')).json() as { id: string; code: string }[];
  return orgs.find((o) => o.code === code)!.id;
}

async function issueKey(person: Person, agency: string) {
  const res = await person.client.post('/api/admin/api-tokens', {
    organizationId: await organizationId(agency),
    name: `Partner ${agency}`,
    scopes: ['open311'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string };
}

describe.each(['json', 'xml'] as const)('GeoReport v2 in %s', (format) => {
  let client: GeoReportClient;
  let key: string;
  let filedId: string;
  let filedToken: string;

  beforeAll(async () => {
    client = new GeoReportClient(ctx.client({ locale: 'fr' }), format);
    key = (await issueKey(austDirector, 'AUST')).token;
  });

  it('publishes a discovery document with the v2 endpoint', async () => {
    const doc = await client.discover();
    expect(client.base).toBe('/open311/v2');
    expect(doc).toMatchObject({ key_service: expect.stringContaining('/open311-keys') });
    const v2 = await ctx.client().get(`/open311/v2/discovery.${format}`);
    expect(v2.statusCode).toBe(200);
  });

  it('lists an agency’s services, and asks which agency when none is given', async () => {
    const services = await client.call('GET', 'services', { jurisdiction_id: 'AUST' });
    expect(services.status).toBe(200);
    const building = services.body.find((s) => s.service_code === 'unauthorised_building')!;
    expect(building).toMatchObject({
      service_name: 'Construction sans autorisation ou non conforme',
      type: 'realtime',
      group: 'Construction et urbanisme',
    });
    expect(String(building.metadata)).toBe('true');
    const missing = await client.call('GET', 'services');
    expect(missing.status).toBe(400);
    expect(missing.body[0]).toMatchObject({ code: format === 'xml' ? '400' : 400 });
    expect(String(missing.body[0]!.description)).toContain('AUST');
    const unknown = await client.call('GET', 'services', { jurisdiction_id: 'NOWHERE' });
    expect(unknown.status).toBe(404);
  });

  it('defines a service’s attributes from its extra questions', async () => {
    const def = await client.call('GET', 'services/unauthorised_building', { jurisdiction_id: 'AUST' });
    expect(def.status).toBe(200);
    const attributes = def.body.attributes as Doc[];
    expect(attributes.map((a) => [a.code, a.datatype, String(a.required), String(a.order)])).toEqual([
      ['works_stage', 'singlevaluelist', 'true', '1'],
      ['extra_floors', 'number', 'false', '2'],
      ['first_seen', 'datetime', 'false', '3'],
    ]);
    expect((attributes[0]!.values as Doc[]).map((v) => v.key)).toEqual([
      'starting',
      'structure',
      'finishing',
      'finished',
    ]);
    expect(String(attributes[0]!.variable)).toBe('true');
    const none = await client.call('GET', 'services/potholes', { jurisdiction_id: 'AUST' });
    expect(none.status).toBe(404);
  });

  it('files a request with an api_key, and finds it by id, in the list and by token', async () => {
    const posted = await client.call('POST', 'requests', {
      api_key: key,
      service_code: 'unauthorised_building',
      lat: '33.9267',
      long: '-6.9063',
      address_string: '12 rue des Orangers, Témara',
      email: `partner.${format}@example.ma`,
      first_name: 'Youssef',
      last_name: 'Amrani',
      description: 'Surélévation en cours sans panneau de chantier <script>alert(1)</script> tél. 0612345678',
      'attribute[works_stage]': 'structure',
      'attribute[extra_floors]': '2',
    });
    expect(posted.status, posted.raw).toBe(201);
    const receipt = posted.body[0]!;
    filedId = String(receipt.service_request_id);
    filedToken = String(receipt.token);
    expect(filedId).toMatch(/^AUST-RECL-2026-\d{6}$/);
    expect(String(receipt.service_notice)).toContain('20 jours ouvrables');

    const one = await client.call('GET', `requests/${filedId}`);
    expect(one.status).toBe(200);
    const request = one.body[0]!;
    expect(request).toMatchObject({
      service_request_id: filedId,
      status: 'open',
      service_code: 'unauthorised_building',
      agency_responsible: 'Agence urbaine de Skhirate-Témara',
      address: '12 rue des Orangers, Témara',
    });
    expect(String(request.lat)).toBe('33.927');
    expect(String(request.long)).toBe('-6.906');
    expect(String(request.description)).toContain('<script>alert(1)</script> tél. •••');
    expect(String(request.requested_datetime)).toMatch(/^2026-03-16T09:00:00\.000Z$/);
    expect(String(request.expected_datetime)).toBe('2026-04-14T23:59:59+01:00');
    // Personal data never leaves: not the name, not the e-mail address.
    expect(one.raw).not.toContain('Amrani');
    expect(one.raw).not.toContain('partner.');
    if (format === 'xml') expect(one.raw).toContain('&lt;script&gt;');

    const list = await client.call('GET', 'requests', { jurisdiction_id: 'AUST' });
    expect(list.body.map((r) => r.service_request_id)).toContain(filedId);
    const closed = await client.call('GET', 'requests', { status: 'closed' });
    expect(closed.body.map((r) => r.service_request_id)).not.toContain(filedId);
    const byIds = await client.call('GET', 'requests', {
      service_request_id: `${filedId},AUST-RECL-2026-999999`,
    });
    expect(byIds.body.map((r) => r.service_request_id)).toEqual([filedId]);

    const token = await client.call('GET', `tokens/${filedToken}`);
    expect(token.body[0]).toMatchObject({ service_request_id: filedId, token: filedToken });
    expect((await client.call('GET', 'tokens/unknown-token-0000000')).status).toBe(404);
  });

  it('shows the answer as status notes, closed', async () => {
    const found = (await austDirector.client.get(`/api/staff/complaints?q=${filedId}`)).json().items[0];
    const view = (await austDirector.client.get(`/api/staff/cases/${found.id}`)).json();
    await austDirector.client.post(`/api/cases/${found.id}/transitions/triage`, {
      version: view.version,
      input: {
        category: 'unauthorised_building',
        priority: 'normal',
        unit: 'Contrôle',
        assigneeId: austDirector.userId,
      },
    });
    const v2 = (await austDirector.client.get(`/api/staff/cases/${found.id}`)).json();
    const answered = await austDirector.client.post(`/api/cases/${found.id}/transitions/answer`, {
      version: v2.version,
      input: { answer: 'Procès-verbal dressé, travaux arrêtés.' },
    });
    expect(answered.statusCode).toBe(200);
    const request = (await client.call('GET', `requests/${filedId}`)).body[0]!;
    expect(request).toMatchObject({
      status: 'closed',
      status_notes: 'Procès-verbal dressé, travaux arrêtés.',
    });
  });

  it('answers bad input in the Open311 error format', async () => {
    const base = {
      service_code: 'unauthorised_building',
      lat: '33.9',
      long: '-6.9',
      description: 'Une description valable.',
      'attribute[works_stage]': 'starting',
    };
    const noKey = await client.call('POST', 'requests', base);
    expect(noKey.status).toBe(400);
    expect(String(noKey.body[0]!.description)).toContain('api_key');
    const wrong = await client.call('POST', 'requests', {
      ...base,
      api_key: 'tmr_AAAAAAAAAA_not-a-real-secret-at-all-000000000',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body[0]).toMatchObject({ code: format === 'xml' ? '403' : 403 });
    const revoked = await issueKey(austDirector, 'AUST');
    expect((await austDirector.client.delete(`/api/admin/api-tokens/${revoked.id}`)).statusCode).toBe(204);
    expect((await client.call('POST', 'requests', { ...base, api_key: revoked.token })).status).toBe(403);
    const noService = await client.call('POST', 'requests', { ...base, api_key: key, service_code: '' });
    expect(noService.status).toBe(400);
    expect(String(noService.body[0]!.description)).toContain('service_code');
    const badAttribute = await client.call('POST', 'requests', {
      ...base,
      api_key: key,
      'attribute[works_stage]': 'roof',
    });
    expect(badAttribute.status).toBe(400);
    expect(String(badAttribute.body[0]!.description)).toContain('attribute/works_stage');
    const outside = await client.call('POST', 'requests', {
      ...base,
      api_key: key,
      lat: '40.4',
      long: '-3.7',
    });
    expect(outside.status).toBe(422);
    const noPlace = await client.call('POST', 'requests', { ...base, api_key: key, lat: '', long: '' });
    expect(noPlace.status).toBe(400);
    const otherAgency = await client.call('POST', 'requests', {
      ...base,
      api_key: key,
      jurisdiction_id: 'AUC',
    });
    expect(otherAgency.status).toBe(403);
    const badFormat = await ctx.client().get('/open311/v2/services.html?jurisdiction_id=AUST');
    expect(badFormat.statusCode).toBe(404);
    expect(badFormat.json()[0].code).toBe(404);
  });

  it('keeps another agency’s readers out: not found, with a key or a staff session', async () => {
    const aucKey = (await issueKey(admin, 'AUC')).token;
    const viaKey = await client.call('GET', `requests/${filedId}`, { api_key: aucKey });
    expect(viaKey.status).toBe(404);
    expect(viaKey.body[0]).toMatchObject({ code: format === 'xml' ? '404' : 404 });
    const staff = await aucInstructor.client.get(`/open311/v2/requests/${filedId}.${format}`);
    expect(staff.statusCode).toBe(404);
    const aucList = await client.call('GET', 'requests', { api_key: aucKey });
    expect(aucList.body.map((r) => r.service_request_id)).not.toContain(filedId);
    // The agency's own key sees it, anyone sees its public version.
    expect((await client.call('GET', `requests/${filedId}`, { api_key: key })).status).toBe(200);
    expect((await client.call('GET', `requests/${filedId}`)).status).toBe(200);
  });

  it('lists the last 90 days by default; private requests only to their agency', async () => {
    const privateOne = await client.call('POST', 'requests', {
      api_key: key,
      service_code: 'processing_delay',
      address_string: 'Dossier en ligne',
      description: 'Mon dossier de note de renseignements est en retard de trois semaines.',
      'attribute[file_reference]': 'AUST-INFO-2026-000042',
    });
    expect(privateOne.status, privateOne.raw).toBe(201);
    const privateId = String(privateOne.body[0]!.service_request_id);
    expect((await client.call('GET', 'requests')).body.map((r) => r.service_request_id)).not.toContain(
      privateId,
    );
    const mine = await client.call('GET', 'requests', { api_key: key });
    expect(mine.body.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([privateId, filedId]));
    const byId = (await client.call('GET', `requests/${privateId}`)).body[0]!;
    expect(byId.description ?? '').toBe('');

    ctx.clock.advance(100 * 86_400_000);
    try {
      const recent = await client.call('GET', 'requests', { api_key: key });
      expect(recent.body.map((r) => r.service_request_id)).not.toContain(filedId);
      const since = await client.call('GET', 'requests', {
        api_key: key,
        start_date: '2026-03-01T00:00:00Z',
        end_date: '2026-04-01T00:00:00+01:00',
      });
      expect(since.body.map((r) => r.service_request_id)).toContain(filedId);
      expect((await client.call('GET', 'requests', { start_date: 'yesterday' })).status).toBe(400);
    } finally {
      ctx.clock.advance(-100 * 86_400_000);
    }
  });
});
