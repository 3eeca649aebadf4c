// The case engine through the HTTP API, on the proof procedure (general information request).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, signedInCitizen, signedInStaff } from '../../test/support/fixtures.ts';
import { createTestContext, type TestContext } from '../../test/support/test-app.ts';
import { verifyAudit } from '../platform/audit/audit-log.ts';
import { rows } from '../platform/db/database.ts';
import { caseClocks, cases } from './tables.ts';
import { tickClocks } from './use-cases/tick-clocks.ts';

let ctx: TestContext;
let citizen: Person;
let other: Person;
let instructor: Person;
let director: Person;
let foreignInstructor: Person;

// A real PDF header and a real PNG signature: types are sniffed from content.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a5e40000000049454e44ae426082',
  'hex',
);

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-03-16T09:00:00Z'); // Monday 16 March 2026
  citizen = await signedInCitizen(ctx, { locale: 'fr' });
  other = await signedInCitizen(ctx);
  instructor = await signedInStaff(ctx, 'AUST', 'instructor');
  director = await signedInStaff(ctx, 'AUST', 'director');
  foreignInstructor = await signedInStaff(ctx, 'AUC', 'instructor');
}, 120_000);
afterAll(async () => ctx?.close());

async function draft(
  person = citizen,
  data: Record<string, unknown> = {
    subject: 'Hauteur autorisée',
    topic: 'zoning',
    question: 'Quelle hauteur est permise rue des Orangers ?',
  },
) {
  const res = await person.client.post('/api/cases', { procedure: 'INFO', agencyCode: 'AUST', data });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; state: { key: string } };
}

async function act(person: Person, id: string, transition: string, input: Record<string, unknown> = {}) {
  const view = await person.client.get(
    person === citizen || person === other ? `/api/cases/${id}` : `/api/staff/cases/${id}`,
  );
  const version = view.statusCode === 200 ? (view.json().version as number) : 1;
  return person.client.post(`/api/cases/${id}/transitions/${transition}`, { version, input });
}

/** Move the clock, then sign everyone in again (sessions last 12 hours). */
async function travel(to: string) {
  ctx.clock.set(to);
  for (const person of [citizen, other, instructor, director, foreignInstructor]) await person.reauth();
}

describe('the information request, end to end', () => {
  it('goes from draft to answered and closed, with clocks, receipt, requests and notifications', async () => {
    const created = await draft();
    expect(created.state.key).toBe('draft');

    // Autosave, and a stale tab refused.
    const saved = await citizen.client.put(`/api/cases/${created.id}/draft`, {
      version: created.version,
      data: {
        subject: 'Hauteur autorisée',
        topic: 'zoning',
        question: 'Quelle hauteur est permise au 12 rue des Orangers, Témara ?',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await citizen.client.put(`/api/cases/${created.id}/draft`, {
      version: created.version,
      data: {},
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('case.stale_version');

    // Uploads: sniffed type, per-item size, only checklist items.
    const ok = await citizen.client.upload(
      `/api/cases/${created.id}/documents`,
      { checklistCode: 'supporting_document' },
      { filename: 'plan.pdf', bytes: PDF },
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mediaType).toBe('application/pdf');
    const disguised = await citizen.client.upload(
      `/api/cases/${created.id}/documents`,
      { checklistCode: 'mandate' },
      { filename: 'photo.pdf', bytes: PNG },
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().detail).toContain('image/png');
    const outside = await citizen.client.upload(
      `/api/cases/${created.id}/documents`,
      { checklistCode: 'birth_certificate' },
      { filename: 'x.pdf', bytes: PDF },
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('case.outside_checklist');
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1_048_576)]);
    const tooBig = await citizen.client.upload(
      `/api/cases/${created.id}/documents`,
      { checklistCode: 'supporting_document' },
      { filename: 'big.pdf', bytes: big },
    );
    expect(tooBig.statusCode).toBe(413);

    // The conditional mandate becomes required when acting for someone else.
    const v = (await citizen.client.get(`/api/cases/${created.id}`)).json();
    await citizen.client.put(`/api/cases/${created.id}/draft`, {
      version: v.version,
      data: { ...v.data, on_behalf: true },
    });
    const blocked = await act(citizen, created.id, 'deposit');
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().code).toBe('case.checklist_incomplete');
    const v2 = (await citizen.client.get(`/api/cases/${created.id}`)).json();
    await citizen.client.put(`/api/cases/${created.id}/draft`, {
      version: v2.version,
      data: { ...v2.data, on_behalf: false },
    });

    // Deposit: reference number, receipt, legal clock of 20 working days.
    const deposited = await act(citizen, created.id, 'deposit');
    expect(deposited.statusCode, deposited.body).toBe(200);
    const view = deposited.json();
    expect(view.reference).toMatch(/^AUST-INFO-2026-\d{6}$/);
    expect(view.state.key).toBe('deposited');
    expect(view.holder).toBe('agency');
    expect(view.clock).toMatchObject({
      key: 'answer',
      status: 'running',
      deadline: '2026-04-14',
      daysLeft: 20,
      legal: true,
    });
    expect(
      view.timeline.some(
        (e: { kind: string; payload: { receipt?: boolean } }) => e.kind === 'deposit' && e.payload.receipt,
      ),
    ).toBe(true);
    await ctx.drain();
    expect(ctx.mails.some((m) => m.to === citizen.email && m.subject.includes(view.reference))).toBe(true);

    // The agency's queue has it; another agency's staff cannot see it.
    const queue = (await instructor.client.get('/api/staff/queue?procedure=INFO')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(created.id);
    const foreignQueue = (await foreignInstructor.client.get('/api/staff/queue?procedure=INFO')).json();
    expect(foreignQueue.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    expect((await foreignInstructor.client.get(`/api/staff/cases/${created.id}`)).statusCode).toBe(404);
    expect(
      (await act(foreignInstructor, created.id, 'assign', { assigneeId: foreignInstructor.userId }))
        .statusCode,
    ).toBe(404);
    expect((await other.client.get(`/api/cases/${created.id}`)).statusCode).toBe(404);

    // Only allowed actions: the applicant cannot answer; staff cannot deposit.
    const notMine = await act(citizen, created.id, 'answer', { answer: 'Je me réponds à moi-même.' });
    expect(notMine.statusCode).toBe(409);
    expect(notMine.json().code).toBe('case.transition_not_allowed');

    const assigned = await act(director, created.id, 'assign', { assigneeId: instructor.userId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assignee.id).toBe(instructor.userId);

    // Internal notes never reach the applicant.
    expect(
      (
        await instructor.client.post(`/api/staff/cases/${created.id}/notes`, {
          body: 'Vérifier le PA de 2019.',
        })
      ).statusCode,
    ).toBe(201);

    // Missing pieces: once only; the clock stops and comes back with the days.
    await travel('2026-03-18T09:00:00Z');
    const outsideRequest = await act(instructor, created.id, 'request_pieces', {
      message: 'Merci de joindre le mandat.',
      checklistCodes: ['cadastral_plan'],
    });
    expect(outsideRequest.json().code).toBe('case.outside_checklist');
    const requested = await act(instructor, created.id, 'request_pieces', {
      message: 'Merci de joindre un plan de situation.',
      checklistCodes: ['supporting_document'],
    });
    expect(requested.statusCode, requested.body).toBe(200);
    expect(requested.json().clock).toMatchObject({ status: 'paused', pausedOn: '2026-03-18' });
    expect(requested.json().holder).toBe('applicant');
    const mine = (await citizen.client.get(`/api/cases/${created.id}`)).json();
    expect(mine.notes).toEqual([]);
    expect(mine.requests[0]).toMatchObject({
      kind: 'missing_piece',
      state: 'open',
      checklistCodes: ['supporting_document'],
    });

    await travel('2026-03-25T09:00:00Z');
    const early = await act(citizen, created.id, 'provide_pieces', {});
    expect(early.json().code).toBe('case.checklist_incomplete');
    await citizen.client.upload(
      `/api/cases/${created.id}/documents`,
      { checklistCode: 'supporting_document' },
      { filename: 'situation.png', bytes: PNG },
    );
    const provided = await act(citizen, created.id, 'provide_pieces', { answer: 'Voici le plan.' });
    expect(provided.statusCode, provided.body).toBe(200);
    // Paused Wed 18 → Wed 25 March: 4 working days (Eid on Friday 20) given back.
    expect(provided.json().clock).toMatchObject({ status: 'running', deadline: '2026-04-20' });

    const again = await act(instructor, created.id, 'request_pieces', {
      message: 'Encore une pièce.',
      checklistCodes: ['supporting_document'],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('case.missing_pieces_already_requested');

    const answered = await act(instructor, created.id, 'answer', {
      answer: 'La zone B4 permet R+4, soit 16 m.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().clocks.find((c: { key: string }) => c.key === 'answer').status).toBe('stopped');
    await ctx.drain();
    const answerMail = ctx.mails.filter((m) => m.to === citizen.email).at(-1)!;
    expect(answerMail.text).toContain('La zone B4 permet R+4');
    const applicantView = (await citizen.client.get(`/api/cases/${created.id}`)).json();
    expect(
      applicantView.timeline.find((e: { transition: string }) => e.transition === 'answer').payload.answer,
    ).toContain('R+4');

    // Closed automatically 15 days after the answer, by the clock sweeper.
    await travel('2026-04-12T09:00:00Z');
    const report = await tickClocks(ctx.engine);
    expect(report.actions.some((a) => a.endsWith('transition:auto_close'))).toBe(true);
    const closed = (await citizen.client.get(`/api/cases/${created.id}`)).json();
    expect(closed.state.key).toBe('closed');
    expect(closed.holder).toBe('none');

    expect(await verifyAudit(ctx.platform.db.orm)).toMatchObject({ ok: true });
  });

  it('refusals carry reasons, and the applicant can appeal', async () => {
    await travel('2026-05-04T09:00:00Z');
    const c = await draft();
    await act(citizen, c.id, 'deposit');
    const noReason = await act(director, c.id, 'decline', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/input/reasons');
    const declined = await act(director, c.id, 'decline', {
      reasons: ["La question ne relève pas de la compétence de l'agence."],
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().state.phase).toBe('closed');
    const appealed = await act(citizen, c.id, 'appeal', {
      grounds: "Le terrain est bien dans le ressort de l'agence de Skhirate-Témara.",
    });
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect(appealed.json().state.key).toBe('in_progress');
  });

  it('lets exactly one of two concurrent transitions win', async () => {
    const c = await draft();
    const deposited = (await act(citizen, c.id, 'deposit')).json();
    const [a, b] = await Promise.all([
      director.client.post(`/api/cases/${c.id}/transitions/assign`, {
        version: deposited.version,
        input: { assigneeId: instructor.userId },
      }),
      instructor.client.post(`/api/cases/${c.id}/transitions/decline`, {
        version: deposited.version,
        input: { reasons: ['Hors compétence territoriale.'] },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('case.stale_version');
  });

  it('numbers deposits without gaps, even when they race', async () => {
    await travel('2026-06-01T09:00:00Z');
    const drafts = await Promise.all(Array.from({ length: 8 }, () => draft()));
    const results = await Promise.all(
      drafts.map((d) =>
        citizen.client.post(`/api/cases/${d.id}/transitions/deposit`, { version: d.version, input: {} }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const found = await rows<{ reference: string }>(
      ctx.platform.db.orm,
      sql`select reference from cases where reference like 'AUST-INFO-2026-%' order by reference`,
    );
    const numbers = found.map((r) => Number(r.reference.slice(-6)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('answers an unknown transition, a closed case and a foreign case with clear 4xx', async () => {
    const c = await draft();
    const unknown = await act(citizen, c.id, 'teleport');
    expect(unknown.statusCode).toBe(409);
    const rows = await ctx.platform.db.orm.select().from(cases).where(eq(cases.id, c.id));
    expect(rows[0]!.state).toBe('draft');
    const wrongInput = await act(citizen, c.id, 'deposit', { surprise: 1 });
    expect(wrongInput.statusCode).toBe(400);
    expect(wrongInput.json().errors[0]).toMatchObject({
      pointer: '/input/surprise',
      code: 'additionalProperties',
    });
    const badId = await citizen.client.get('/api/cases/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    const clocks = await ctx.platform.db.orm.select().from(caseClocks).where(eq(caseClocks.caseId, c.id));
    expect(clocks).toEqual([]);
  });
});
