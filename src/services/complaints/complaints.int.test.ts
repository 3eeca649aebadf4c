// E-complaints through the HTTP API, on the real app and database: filing (visitor with a confirmed
// contact, signed-in citizen), receipt and private link, public status page without personal data,
// triage, templates, answer, reopening, automatic closing, duplicates, redirection, moderation,
// categories, statistics, and the bad inputs of the issue.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXE, file, PDF, PNG, TEMARA, verifiedProof } from '../../../test/support/complaints.ts';
import { type Person, signedInCitizen, signedInStaff } from '../../../test/support/fixtures.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/support/test-app.ts';
import { caseClocks, cases } from '../../engine/tables.ts';
import { tickClocks } from '../../engine/use-cases/tick-clocks.ts';
import { verifyAudit } from '../../platform/audit/audit-log.ts';
import { rows } from '../../platform/db/database.ts';
import { seedComplaintDefaults } from './defaults.ts';
import { fillTemplate } from './use-cases/manage-templates.ts';

let ctx: TestContext;
let citizen: Person;
let stranger: Person;
let frontDesk: Person;
let instructor: Person;
let director: Person;
let foreign: Person;
let foreignDirector: Person;
let ipCounter = 0;
/** A fresh client address per scenario, so the per-address flood limit is tested on its own. */
const visitor = (locale = 'fr') => ctx.client({ locale, ip: `198.51.100.${++ipCounter}` });

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-03-16T09:00:00Z'); // Monday 16 March 2026
  await seedComplaintDefaults(ctx.platform, ['AUST', 'AUC']);
  citizen = await signedInCitizen(ctx, { locale: 'fr' });
  stranger = await signedInCitizen(ctx);
  frontDesk = await signedInStaff(ctx, 'AUST', 'front_desk');
  instructor = await signedInStaff(ctx, 'AUST', 'instructor');
  director = await signedInStaff(ctx, 'AUST', 'director');
  foreign = await signedInStaff(ctx, 'AUC', 'instructor');
  foreignDirector = await signedInStaff(ctx, 'AUC', 'director');
}, 180_000);
afterAll(async () => ctx?.close());

const BUILDING = {
  agencyCode: 'AUST',
  category: 'unauthorised_building',
  description:
    'Mon voisin (tél. 06 12 34 56 78) ajoute un troisième étage sans autorisation, rue des Orangers à Témara.',
  answers: { works_stage: 'structure', extra_floors: 1 },
  address: '12 rue des Orangers, Témara',
  location: TEMARA,
  contact: { name: 'Amina Alaoui' },
};

async function act(client: TestClient, id: string, transition: string, input: Record<string, unknown> = {}) {
  const view = (await client.get(`/api/staff/cases/${id}`)).json();
  return client.post(`/api/cases/${id}/transitions/${transition}`, { version: view.version, input });
}

const follow = (client: TestClient, token: string, path = '') =>
  client.get(`/api/complaints/follow${path}`, { 'x-tracking-token': token });

async function caseCount() {
  const [row] = await rows<{ n: number }>(ctx.platform.db.orm, sql`select count(*)::int as n from cases`);
  return row!.n;
}

async function travel(to: string) {
  ctx.clock.set(to);
  for (const person of [citizen, stranger, frontDesk, instructor, director, foreign, foreignDirector])
    await person.reauth();
}

describe('a visitor without an account', () => {
  let id: string;
  let reference: string;
  let token: string;
  const email = 'amina.visitor@example.ma';
  const client = () => visitor();
  let browser: TestClient;

  it('confirms an e-mail address with a code, files with a photo and a point, and gets a receipt', async () => {
    browser = client();
    const categories = (await browser.get('/api/complaints/categories?agency=AUST')).json();
    const building = categories.find((c: { code: string }) => c.code === 'unauthorised_building');
    expect(building.questions.map((q: { datatype: string }) => q.datatype)).toEqual([
      'singlevaluelist',
      'number',
      'datetime',
    ]);

    // No proof: refused, nothing created.
    const before = await caseCount();
    const unverified = await file(browser, BUILDING, [{ filename: 'photo.png', bytes: PNG }]);
    expect(unverified.statusCode).toBe(401);
    expect(unverified.json().code).toBe('complaint.verification_required');

    // A wrong code is counted; the right one gives a proof.
    const asked = await browser.post('/api/complaints/verifications', {
      channel: 'email',
      destination: email,
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json().sentTo).toBe('a•••@example.ma');
    const wrong = await browser.post(`/api/complaints/verifications/${asked.json().id}/confirm`, {
      code: '000000',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().detail).toContain('4');
    const proof = await verifiedProof(ctx, browser, email);

    const filed = await file(browser, { ...BUILDING, proof }, [
      { filename: 'chantier.png', bytes: PNG, contentType: 'image/png' },
    ]);
    expect(filed.statusCode, filed.body).toBe(201);
    ({ id, reference, trackingToken: token } = filed.json());
    expect(reference).toBe('AUST-RECL-2026-000001');
    expect(filed.json().trackingUrl).toBe(`http://taamir.test/complaints/follow#${token}`);
    // 20 working days for this category: Eid al-Fitr (20–21 March) does not count.
    expect(filed.json().deadline).toBe('2026-04-14');
    expect(await caseCount()).toBe(before + 1);

    // The proof is good for one complaint only.
    const reuse = await file(browser, { ...BUILDING, proof });
    expect(reuse.statusCode).toBe(403);
    expect(reuse.json().code).toBe('complaint.proof_invalid');

    await ctx.drain();
    const receipt = ctx.mails.find((m) => m.to === email && m.subject.includes('votre lien de suivi'))!;
    expect(receipt.subject).toBe(`Réclamation ${reference} enregistrée : votre lien de suivi`);
    expect(receipt.text).toContain(`/complaints/follow#${token}`);
    expect(receipt.text).toContain('14 avril 2026');
  });

  it('follows it by the private link: everything as filed', async () => {
    const mine = await follow(browser, token);
    expect(mine.statusCode, mine.body).toBe(200);
    const view = mine.json();
    expect(view).toMatchObject({ reference, state: { key: 'submitted' }, description: BUILDING.description });
    expect(view.location).toEqual(TEMARA);
    expect(view.attachments).toHaveLength(1);
    expect(view.answers.find((a: { code: string }) => a.code === 'works_stage').text.fr).toBe('Gros œuvre');
    const photo = await follow(browser, token, `/attachments/${view.attachments[0].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect((await follow(browser, 'x'.repeat(32))).statusCode).toBe(404);
  });

  it('shows a public status page with no personal data', async () => {
    const res = await visitor().get(`/api/complaints/public/${reference.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ reference, status: 'open', isPublic: true, expectedOn: '2026-04-14' });
    expect(page.description).toContain('(tél. •••)');
    expect(page.location).toEqual({ latitude: 33.927, longitude: -6.906 });
    for (const secret of [email, 'Amina', '06 12 34 56 78', 'chantier.png', token])
      expect(res.body).not.toContain(secret);
    expect(page.history.map((h: { kind: string }) => h.kind)).toEqual(['received']);
    expect((await visitor().get('/api/complaints/public/AUST-RECL-2026-999999')).statusCode).toBe(404);
  });

  it('is triaged and answered with a template; the visitor is told and reads the answer', async () => {
    // The queue of the agency has it; another agency's staff cannot see it.
    const queue = (await frontDesk.client.get('/api/staff/complaints?state=submitted')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    const foreignQueue = (await foreign.client.get('/api/staff/complaints?phase=all')).json();
    expect(foreignQueue.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await foreign.client.get(`/api/staff/complaints/${id}`)).statusCode).toBe(404);

    const page = (await frontDesk.client.get(`/api/staff/complaints/${id}`)).json();
    expect(page.complaint.applicant.email).toBe(email);
    expect(page.genericCaseUrl).toBe(`/back-office/cases/${id}`);
    const template = page.templates.find(
      (t: { kind: string; locale: string; categoryCode: string | null }) =>
        t.kind === 'answer' && t.locale === 'fr' && t.categoryCode === 'unauthorised_building',
    );
    expect(template).toBeDefined();

    const triaged = await act(frontDesk.client, id, 'triage', {
      category: 'unauthorised_building',
      priority: 'high',
      unit: 'Service du contrôle',
      assigneeId: instructor.userId,
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    const answer = fillTemplate(template.body, { reference });
    const answered = await act(instructor.client, id, 'answer', { answer, templateId: template.id });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().state.key).toBe('answered');

    await ctx.drain();
    const mails = ctx.mails.filter((m) => m.to === email);
    expect(mails.some((m) => m.subject.includes('Orientée'))).toBe(true);
    // (The outbox does not promise an order: find the message by its subject.)
    const answerMail = mails.find((m) => m.subject === `Votre réclamation ${reference} : Réponse donnée`)!;
    expect(answerMail.text).toContain(answer);
    expect(answerMail.text).toContain(`/complaints/follow#${token}`);

    const mine = (await follow(browser, token)).json();
    expect(mine.answer.text).toBe(answer);
    expect(mine.actions.map((a: { key: string }) => a.key).sort()).toEqual(['close', 'reopen']);
    expect(mine.reopenUntil).toBe('2026-03-31');
    const publicPage = (await visitor().get(`/api/complaints/public/${reference}`)).json();
    expect(publicPage.answer.text).toBe(answer);
    expect(publicPage.status).toBe('closed');
    // Priority and unit are the agency's business.
    expect(JSON.stringify(publicPage)).not.toContain('Service du contrôle');
  });

  it('can be reopened within the window, then closes by itself once answered again', async () => {
    const mine = (await follow(browser, token)).json();
    const reopened = await browser.post(
      '/api/complaints/follow/transitions/reopen',
      { version: mine.version, input: { reason: 'Les travaux continuent malgré le procès-verbal.' } },
      { 'x-tracking-token': token },
    );
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().state.key).toBe('reopened');
    const [clock] = await ctx.platform.db.orm
      .select()
      .from(caseClocks)
      .where(and(eq(caseClocks.caseId, id), eq(caseClocks.clockKey, 'answer')));
    expect(clock).toMatchObject({ status: 'running', days: 20 });

    expect(
      (await act(instructor.client, id, 'answer', { answer: 'Les travaux ont été arrêtés.' })).statusCode,
    ).toBe(200);
    await travel('2026-04-02T09:00:00Z');
    const report = await tickClocks(ctx.engine);
    expect(report.actions.some((a) => a.endsWith('transition:auto_close'))).toBe(true);
    const closed = (await follow(visitor(), token)).json();
    expect(closed.state.key).toBe('closed');
    expect(closed.actions).toEqual([]);
    await ctx.drain();
    expect(
      ctx.mails.some((m) => m.to === email && m.subject === `Votre réclamation ${reference} : Close`),
    ).toBe(true);
  });
});

describe('a visitor who chose SMS', () => {
  it('confirms a phone number with an SMS code and is told by SMS, with the private link', async () => {
    const client = visitor('ar');
    const sms = async (to: string) =>
      rows<{ payload: { to: string; text: string } }>(
        ctx.platform.db.orm,
        sql`select payload from outbox where topic = 'sms.send' and payload->>'to' = ${to} order by id`,
      );
    const asked = await client.post('/api/complaints/verifications', {
      channel: 'sms',
      destination: '07 00 11 22 33',
    });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json().sentTo).toBe('••• 233');
    const code = /(\d{6})/.exec((await sms('+212700112233'))[0]!.payload.text)![1];
    const confirmed = await client.post(`/api/complaints/verifications/${asked.json().id}/confirm`, { code });
    const filed = await file(client, {
      agencyCode: 'AUST',
      category: 'service_quality',
      description: 'لا أحد يجيب على الهاتف في شباك الوكالة منذ أسبوع.',
      proof: confirmed.json().proof,
      locale: 'ar',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const { reference, trackingToken } = filed.json();
    const texts = (await sms('+212700112233')).map((r) => r.payload.text);
    expect(texts.at(-1)).toContain(reference);
    expect(texts.at(-1)).toContain(`/complaints/follow#${trackingToken}`);
    expect(texts.at(-1)).toMatch(/^تعمير: شكايتكم/);
    // No e-mail address was given: only the agency's staff get a mail about it.
    await ctx.drain();
    const about = ctx.mails.filter((m) => m.text.includes(reference)).map((m) => m.to);
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((to) => to.startsWith('front_desk.aust.'))).toBe(true);
  });
});

describe('a signed-in citizen', () => {
  it('files with SMS notifications, and only they can read their complaint', async () => {
    const noPhone = await file(citizen.client, {
      agencyCode: 'AUST',
      category: 'processing_delay',
      description: 'Ma demande de note de renseignements attend depuis deux mois.',
      answers: { file_reference: 'AUST-INFO-2026-000012' },
      contact: { channel: 'sms' },
    });
    expect(noPhone.statusCode).toBe(422);
    expect(noPhone.json().code).toBe('complaint.phone_required');
    const filed = await file(citizen.client, {
      agencyCode: 'AUST',
      category: 'processing_delay',
      description: 'Ma demande de note de renseignements attend depuis deux mois.',
      answers: { file_reference: 'AUST-INFO-2026-000012' },
      contact: { channel: 'sms', phone: '0612345678' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const { id, reference, trackingToken } = filed.json();
    expect(trackingToken).toBeUndefined();
    expect(filed.json().trackingUrl).toBe(`http://taamir.test/complaints/mine/${id}`);
    const sms = await rows<{ payload: { to: string; text: string } }>(
      ctx.platform.db.orm,
      sql`select payload from outbox where topic = 'sms.send' and payload->>'text' like ${`%${reference}%`}`,
    );
    expect(sms[0]?.payload.to).toBe('+212612345678');

    expect((await citizen.client.get(`/api/complaints/mine/${id}`)).statusCode).toBe(200);
    expect((await stranger.client.get(`/api/complaints/mine/${id}`)).statusCode).toBe(404);
    // A private category: the public page shows the status, not the words.
    const page = (await visitor().get(`/api/complaints/public/${reference}`)).json();
    expect(page).toMatchObject({ isPublic: false, description: null, location: null });
    // It is in the citizen's generic list of cases too.
    const list = (await citizen.client.get('/api/cases')).json();
    expect(list.map((c: { id: string }) => c.id)).toContain(id);
  });
});

describe('bad input', () => {
  it('refuses a missing category, an unknown one and a point outside Morocco, creating nothing', async () => {
    const client = visitor();
    const proof = await verifiedProof(ctx, client, 'bad.input@example.ma');
    const before = await caseCount();
    const missing = await file(client, { ...BUILDING, category: undefined, proof });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      expect.objectContaining({ pointer: '/category', code: 'required' }),
    ]);
    const unknown = await file(client, { ...BUILDING, category: 'potholes', proof });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('complaint.category_unknown');
    const paris = await file(client, { ...BUILDING, location: { latitude: 48.85, longitude: 2.35 }, proof });
    expect(paris.statusCode).toBe(422);
    expect(paris.json().code).toBe('complaint.outside_morocco');
    const canaries = await file(client, {
      ...BUILDING,
      location: { latitude: 28.12, longitude: -15.43 },
      proof,
    });
    expect(canaries.json().code).toBe('complaint.outside_morocco');
    const badAnswer = await file(client, { ...BUILDING, answers: { works_stage: 'roof' }, proof });
    expect(badAnswer.statusCode).toBe(400);
    expect(badAnswer.json().errors[0]).toMatchObject({ pointer: '/answers/works_stage', code: 'enum' });
    const noPlace = await file(client, { ...BUILDING, location: null, address: '', proof });
    expect(noPlace.json().code).toBe('complaint.location_required');
    expect(await caseCount()).toBe(before);
  });

  it('refuses attachments of the wrong type, too big or too many, by their content', async () => {
    const client = visitor();
    const proof = await verifiedProof(ctx, client, 'files@example.ma');
    const before = await caseCount();
    const exe = await file(client, { ...BUILDING, proof }, [
      { filename: 'photo.jpg', bytes: EXE, contentType: 'image/jpeg' },
    ]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('upload.type_not_accepted');
    const big = await file(client, { ...BUILDING, proof }, [
      { filename: 'plan.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(9 * 1_048_576)]) },
    ]);
    expect(big.statusCode).toBe(413);
    const six = await file(
      client,
      { ...BUILDING, proof },
      Array.from({ length: 6 }, (_, i) => ({ filename: `p${i}.png`, bytes: PNG })),
    );
    expect(six.statusCode).toBe(422);
    expect(six.json().code).toBe('upload.too_many_files');
    expect(await caseCount()).toBe(before);
    // The proof was not used by the refused attempts: five files and a PDF go through.
    const ok = await file(client, { ...BUILDING, proof }, [
      ...Array.from({ length: 4 }, (_, i) => ({ filename: `p${i}.png`, bytes: PNG })),
      { filename: 'plan.pdf', bytes: PDF },
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('keeps an HTML or script payload as inert text', async () => {
    const client = visitor();
    const proof = await verifiedProof(ctx, client, 'script@example.ma');
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)> chantier illégal';
    const filed = await file(client, { ...BUILDING, description: payload, address: '<b>ici</b>', proof });
    expect(filed.statusCode, filed.body).toBe(201);
    const page = await visitor().get(`/api/complaints/public/${filed.json().reference}`);
    expect(page.headers['content-type']).toContain('application/json');
    expect(page.json().description).toBe(payload);
    const answered = await act(director.client, filed.json().id, 'triage', {
      category: 'unauthorised_building',
      priority: 'normal',
      unit: 'Contrôle',
      assigneeId: director.userId,
    });
    expect(answered.statusCode).toBe(200);
    await act(director.client, filed.json().id, 'answer', {
      answer: 'Réponse <b>en gras</b> <script>x()</script>',
    });
    await ctx.drain();
    const mail = ctx.mails.find((m) => m.to === 'script@example.ma' && m.subject.endsWith('Réponse donnée'))!;
    expect(mail.html).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('stops flooding from one address with 429 and Retry-After', async () => {
    const flood = ctx.client({ ip: '192.0.2.99' });
    await flood.post('/api/auth/sign-in', { email: stranger.email, password: 'Correct-Horse-42-Battery' });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await file(flood, {
        agencyCode: 'AUST',
        category: 'other',
        description: `Réclamation répétée numéro ${i} pour tester la limite.`,
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
  });

  it('bounds code attempts and code lifetime', async () => {
    const client = visitor();
    const asked = (
      await client.post('/api/complaints/verifications', { channel: 'sms', destination: '0661000000' })
    ).json();
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        (await client.post(`/api/complaints/verifications/${asked.id}/confirm`, { code: '999999' })).json()
          .code,
      );
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('complaint.code_invalid'));
    expect(codes.slice(4)).toEqual([
      'complaint.code_attempts_exhausted',
      'complaint.code_attempts_exhausted',
    ]);
    const other = (
      await client.post('/api/complaints/verifications', { channel: 'email', destination: 'late@example.ma' })
    ).json();
    ctx.clock.advance(16 * 60_000);
    const late = await client.post(`/api/complaints/verifications/${other.id}/confirm`, { code: '123456' });
    expect(late.statusCode).toBe(410);
    ctx.clock.advance(-16 * 60_000);
    const badPhone = await client.post('/api/complaints/verifications', {
      channel: 'sms',
      destination: 'call me',
    });
    expect(badPhone.statusCode).toBe(400);
  });
});

describe('staff', () => {
  async function newComplaint(description: string, location = TEMARA) {
    const client = visitor();
    const proof = await verifiedProof(ctx, client, `c${ipCounter}@example.ma`);
    const res = await file(client, { ...BUILDING, description, location, proof });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reference: string; trackingToken: string };
  }

  it('merge duplicates (suggested by place) and tell everyone when the original is answered', async () => {
    const original = await newComplaint('Un immeuble monte un cinquième étage sans autorisation ici.');
    const duplicate = await newComplaint('Construction illégale au même endroit, un étage de plus.', {
      latitude: TEMARA.latitude + 0.0005,
      longitude: TEMARA.longitude,
    });
    const page = (await frontDesk.client.get(`/api/staff/complaints/${duplicate.id}`)).json();
    const suggestion = page.suggestedDuplicates.find(
      (d: { reference: string }) => d.reference === original.reference,
    );
    expect(suggestion.distanceMeters).toBeGreaterThan(40);
    expect(suggestion.distanceMeters).toBeLessThan(70);

    expect(
      (await act(frontDesk.client, duplicate.id, 'merge', { duplicateOf: duplicate.reference })).statusCode,
    ).toBe(422);
    expect(
      (await act(frontDesk.client, duplicate.id, 'merge', { duplicateOf: 'AUC-RECL-2026-000001' })).json()
        .code,
    ).toBe('complaint.duplicate_invalid');
    const merged = await act(frontDesk.client, duplicate.id, 'merge', { duplicateOf: original.reference });
    expect(merged.statusCode, merged.body).toBe(200);
    const publicPage = (await visitor().get(`/api/complaints/public/${duplicate.reference}`)).json();
    expect(publicPage).toMatchObject({ status: 'closed', duplicateOf: original.reference });

    await act(frontDesk.client, original.id, 'triage', {
      category: 'unauthorised_building',
      priority: 'high',
      unit: 'Contrôle',
      assigneeId: instructor.userId,
    });
    await act(instructor.client, original.id, 'answer', {
      answer: 'Un arrêt des travaux a été notifié au 0537000000.',
    });
    await ctx.drain();
    const told = ctx.mails.find(
      (m) => m.subject.includes(duplicate.reference) && m.subject.includes(original.reference),
    )!;
    expect(told.text).toContain(original.reference);
    expect(told.text).toContain('notifié au •••');
  });

  it('redirect a complaint to the competent body', async () => {
    const c = await newComplaint('Les trottoirs sont défoncés depuis un an devant la mosquée.');
    expect(
      (await act(instructor.client, c.id, 'redirect', { bodyCode: 'NOPE', note: 'Voir la commune.' }))
        .statusCode,
    ).toBe(422);
    const res = await act(instructor.client, c.id, 'redirect', {
      bodyCode: 'COMMUNE',
      note: "L'entretien des trottoirs relève de la commune de Témara.",
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = (await visitor().get(`/api/complaints/public/${c.reference}`)).json();
    expect(page.state.key).toBe('not_competent');
    await ctx.drain();
    const told = ctx.mails.find(
      (m) => m.subject === `Votre réclamation ${c.reference} : Hors compétence de l'agence`,
    );
    expect(told?.text).toContain('Organisme compétent : Commune');
    expect(told?.text).toContain('relève de la commune de Témara');
    expect(page.redirectedTo).toMatchObject({ code: 'COMMUNE', name: { fr: 'Commune' } });
  });

  it('moderate public views without destroying the original, and say who did it', async () => {
    const c = await newComplaint('Mon voisin Ahmed Bennani au 3e étage construit sans permis.');
    const before = (await visitor().get(`/api/complaints/public/${c.reference}`)).json();
    expect(before.description).toContain('Ahmed Bennani');
    const redacted = await frontDesk.client.post(`/api/staff/complaints/${c.id}/redactions`, {
      target: 'description',
      publicText: 'Un voisin au 3e étage construit sans permis.',
      reason: 'Nom d’un tiers',
    });
    expect(redacted.statusCode, redacted.body).toBe(201);
    expect(
      (
        await frontDesk.client.post(`/api/staff/complaints/${c.id}/redactions`, {
          target: 'location',
          hidden: true,
          reason: 'Domicile',
        })
      ).statusCode,
    ).toBe(201);
    const after = (await visitor().get(`/api/complaints/public/${c.reference}`)).json();
    expect(after.description).toBe('Un voisin au 3e étage construit sans permis.');
    expect(after.location).toBeNull();
    // The original stays for the agency and the complainant.
    const staff = (await frontDesk.client.get(`/api/staff/complaints/${c.id}`)).json();
    expect(staff.complaint.description).toContain('Ahmed Bennani');
    expect(staff.redactions.map((r: { target: string; by: string }) => [r.target, r.by])).toEqual([
      ['description', 'Agent front_desk'],
      ['location', 'Agent front_desk'],
    ]);
    expect((await follow(visitor(), c.trackingToken)).json().description).toContain('Ahmed Bennani');
    // Another agency cannot moderate it.
    expect(
      (
        await foreign.client.post(`/api/staff/complaints/${c.id}/redactions`, {
          target: 'description',
          publicText: 'x',
          reason: 'xxx',
        })
      ).statusCode,
    ).toBe(404);

    // A public update, then its moderation.
    const update = await frontDesk.client.post(`/api/staff/complaints/${c.id}/updates`, {
      text: 'Visite prévue mardi avec M. Bennani (0661223344).',
    });
    expect(update.statusCode).toBe(201);
    let history = (await visitor().get(`/api/complaints/public/${c.reference}`)).json().history;
    expect(history.at(-1).text).toBe('Visite prévue mardi avec M. Bennani (•••).');
    await frontDesk.client.post(`/api/staff/complaints/${c.id}/redactions`, {
      target: `event:${update.json().id}`,
      publicText: 'Visite prévue mardi.',
      reason: 'Nom',
    });
    history = (await visitor().get(`/api/complaints/public/${c.reference}`)).json().history;
    expect(history.at(-1).text).toBe('Visite prévue mardi.');

    // Withdrawn from public views entirely.
    expect(
      (
        await frontDesk.client.post(`/api/staff/complaints/${c.id}/visibility`, {
          isPublic: false,
          reason: 'Litige privé',
        })
      ).statusCode,
    ).toBe(204);
    const hidden = (await visitor().get(`/api/complaints/public/${c.reference}`)).json();
    expect(hidden).toMatchObject({ isPublic: false, description: null });
    expect(hidden.history.at(-1)).toMatchObject({ text: null, withheld: true });
  });

  it('manage categories and templates within their agency, under the Law 55-19 ceiling', async () => {
    const body = {
      agencyCode: 'AUST',
      code: 'signage',
      name: { ar: 'لوحات إشهارية', fr: 'Panneaux publicitaires', en: 'Billboards' },
      answerDays: 41,
      isPublic: true,
      questions: [],
    };
    const tooLong = await director.client.post('/api/staff/complaint-categories', body);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].pointer).toBe('/answerDays');
    const badQuestions = await director.client.post('/api/staff/complaint-categories', {
      ...body,
      answerDays: 10,
      questions: [
        {
          code: 'size',
          datatype: 'singlevaluelist',
          required: true,
          label: { ar: 'الحجم', fr: 'Taille', en: 'Size' },
          values: [],
        },
      ],
    });
    expect(badQuestions.json().errors[0].pointer).toBe('/questions/0/values');
    expect(
      (
        await director.client.post('/api/staff/complaint-categories', {
          ...body,
          agencyCode: 'AUC',
          answerDays: 10,
        })
      ).statusCode,
    ).toBe(404);
    const created = await director.client.post('/api/staff/complaint-categories', {
      ...body,
      answerDays: 10,
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await director.client.post('/api/staff/complaint-categories', { ...body, answerDays: 10 });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await instructor.client.post('/api/staff/complaint-categories', {
          ...body,
          code: 'x2',
          answerDays: 5,
        })
      ).statusCode,
    ).toBe(403);
    const listed = (await visitor().get('/api/complaints/categories?agency=AUST')).json();
    expect(listed.map((c: { code: string }) => c.code)).toContain('signage');
    const retired = await director.client.put(`/api/staff/complaint-categories/${created.json().id}`, {
      ...body,
      answerDays: 10,
      active: false,
    });
    expect(retired.statusCode).toBe(200);
    expect(
      (await visitor().get('/api/complaints/categories?agency=AUST'))
        .json()
        .map((c: { code: string }) => c.code),
    ).not.toContain('signage');

    const template = await director.client.post('/api/staff/complaint-templates', {
      agencyCode: 'AUST',
      categoryCode: 'public_space',
      locale: 'ar',
      kind: 'answer',
      title: 'تحرير الرصيف',
      body: 'تم تحرير الرصيف موضوع الشكاية {reference}.',
    });
    expect(template.statusCode, template.body).toBe(201);
    const arabic = (
      await instructor.client.get('/api/staff/complaint-templates?agency=AUST&locale=ar&kind=answer')
    ).json();
    expect(arabic.map((t: { id: string }) => t.id)).toContain(template.json().id);
    expect(
      (await foreignDirector.client.delete(`/api/staff/complaint-templates/${template.json().id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await director.client.delete(`/api/staff/complaint-templates/${template.json().id}`)).statusCode,
    ).toBe(204);
  });

  it('count received, answered, time to answer and overdue per agency and category, also as CSV', async () => {
    await travel('2026-05-20T09:00:00Z');
    const stats = await director.client.get('/api/staff/complaints/stats?from=2026-03-01&to=2026-05-31');
    expect(stats.statusCode).toBe(200);
    const building = stats
      .json()
      .rows.find(
        (r: { agencyCode: string; categoryCode: string }) =>
          r.agencyCode === 'AUST' && r.categoryCode === 'unauthorised_building',
      );
    expect(building.received).toBe(7);
    expect(building.answered).toBeGreaterThanOrEqual(3);
    // Answered the day they were filed: 0 working days.
    expect(building.medianDays).toBe(0);
    // Those still waiting since March are past their 20 working days.
    expect(building.overdue).toBeGreaterThan(0);
    expect(stats.json().rows.every((r: { agencyCode: string }) => r.agencyCode === 'AUST')).toBe(true);
    const foreignStats = (
      await foreignDirector.client.get('/api/staff/complaints/stats?from=2026-03-01&to=2026-05-31')
    ).json();
    expect(foreignStats.rows.every((r: { agencyCode: string }) => r.agencyCode === 'AUC')).toBe(true);
    const csv = await director.client.get(
      '/api/staff/complaints/stats.csv?from=2026-03-01&to=2026-05-31&locale=fr',
    );
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^agency,agency_name,category,/);
    expect(
      lines.some((l) => l.startsWith('AUST,Agence urbaine de Skhirate-Témara,unauthorised_building,')),
    ).toBe(true);
    expect((await frontDesk.client.get('/api/staff/complaints/stats')).statusCode).toBe(403);
  });

  it('leave the audit trail intact', async () => {
    const actions = await rows<{ action: string }>(
      ctx.platform.db.orm,
      sql`select distinct action from audit_events where action like 'complaint.%' or action like 'case.merge'`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'complaint.redacted',
        'complaint.public_update',
        'complaint.unpublished',
        'case.merge',
      ]),
    );
    const [drafts] = await ctx.platform.db.orm
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(eq(cases.procedureCode, 'RECL'), eq(cases.phase, 'draft')));
    expect(drafts!.n).toBe(0);
    expect(await verifyAudit(ctx.platform.db.orm)).toMatchObject({ ok: true });
  });
});
