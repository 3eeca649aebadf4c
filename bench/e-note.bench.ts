// Information notes drafted, rendered and signed per second, end to end, against bare rendering of
// the same note in the same run. End to end = from a paid request: the automatic draft (overlay of the
// parcel on the demo plans in PostGIS, content, hash, `draft_ready`), the instructor's submission
// (hash recorded), the director's signature (hash checks, registration) and the registry's job (Typst
// render, QR, three PAdES signatures, SHA-256, blob, mail queued). Bare = Typst render of the same
// template and data. Sequential, one process, PGlite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { loadUserActor } from '../src/accounts/sessions.ts';
import { createUser } from '../src/accounts/use-cases/create-user.ts';
import { loadConfig } from '../src/config.ts';
import { QR_FILE } from '../src/documents/official.ts';
import { qrSvg } from '../src/documents/qr.ts';
import { renderRegisteredDocument } from '../src/documents/registry.ts';
import { issuedDocuments } from '../src/documents/tables.ts';
import { cases } from '../src/engine/tables.ts';
import { applyTransition } from '../src/engine/use-cases/apply-transition.ts';
import { createCase } from '../src/engine/use-cases/create-case.ts';
import { uploadDocument } from '../src/engine/use-cases/upload-document.ts';
import { loadDemoPlans } from '../src/geo/demo-plans.ts';
import { paymentOrders } from '../src/payments/tables.ts';
import { memoryBlobStore } from '../src/platform/blobs/blob-store.ts';
import type { UserActor } from '../src/platform/tenancy/actor.ts';
import { startRuntime } from '../src/runtime.ts';
import { prepareDraft } from '../src/services/e-note/draft.ts';
import { enoteNotes } from '../src/services/e-note/tables.ts';
import { saveParcel } from '../src/services/e-note/use-cases/save-parcel.ts';
import { ensurePgliteTemplate, freshTestDatabase } from '../test/support/database.ts';
import { fmt } from './support.ts';

const TITLES = ['31457/C', '8812/D', '164203/63', '22561/63', '97340/C', '130588/63'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');

type Timing = { count: number; perSecond: number; msMean: number; msP50: number; msP95: number };
const summarize = (times: number[], seconds: number): Timing => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    count: times.length,
    perSecond: times.length / seconds,
    msMean: times.reduce((s, t) => s + t, 0) / times.length,
    msP50: at(0.5),
    msP95: at(0.95),
  };
};

export async function eNoteBench(options: { notes: number; concurrency: number }) {
  await ensurePgliteTemplate();
  const database = await freshTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taamir-bench-enote-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '0',
    DEMO_DATA: 'false',
    PUBLIC_URL: 'https://taamir.example.ma',
    WEB_DIST_DIR: path.join(dataDir, 'none'),
  });
  const runtime = await startRuntime(config, {
    db: database.db,
    migrate: false,
    seed: false,
    log: pino({ level: 'warn' }),
    blobs: memoryBlobStore(),
  });
  const { platform, engine, documents } = runtime;
  try {
    await loadDemoPlans(platform.db, new Date());
    const system = { actor: { kind: 'system' as const, label: 'bench' } };
    const person = async (name: string, role?: 'instructor' | 'director'): Promise<UserActor> => {
      const user = await createUser(platform, system, {
        email: `${name}@bench.taamir.ma`,
        fullName: name,
        password: 'Correct-Horse-42-Battery',
        locale: 'fr',
        ...(role ? { organizationCode: 'AUC', role } : {}),
      });
      return (await loadUserActor(platform.db.orm, user.id, null))!;
    };
    const citizen = await person('citoyen');
    const instructor = await person('instructeur', 'instructor');
    const director = await person('directeur', 'director');
    const as = (actor: UserActor) => ({ actor });

    // Paid requests, prepared before any timing: draft, documents, parcel, deposit, order paid.
    const prepare = async (i: number) => {
      const title = TITLES[i % TITLES.length] as string;
      const { caseRow } = await createCase(
        engine,
        as(citizen),
        { kind: 'user', userId: citizen.userId, accountType: 'citizen' },
        { procedure: 'NRU', agencyCode: 'AUC', data: { land_status: 'titled', land_title: title } },
      );
      for (const checklistCode of ['id_card', 'land_certificate', 'cadastral_plan'])
        await uploadDocument(engine, as(citizen), {
          caseId: caseRow.id,
          checklistCode,
          filename: `${checklistCode}.pdf`,
          bytes: PDF,
        });
      await saveParcel(engine, as(citizen), {
        caseId: caseRow.id,
        body: { source: 'title', landTitle: title },
      });
      const deposited = await applyTransition(engine, as(citizen), {
        caseId: caseRow.id,
        transition: 'deposit',
        version: caseRow.version,
      });
      await platform.db.orm
        .update(paymentOrders)
        .set({ status: 'paid', paidAt: new Date() })
        .where(eq(paymentOrders.caseId, caseRow.id));
      await applyTransition(engine, system, { caseId: caseRow.id, transition: 'payment_received' });
      return deposited.id;
    };
    const noteOf = async (caseId: string) =>
      (await platform.db.orm.select().from(enoteNotes).where(eq(enoteNotes.caseId, caseId)))[0]!;
    const versionOf = async (caseId: string) =>
      (await platform.db.orm.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v;
    /** Everything that happens to a note from its payment to its signed PDF. */
    const endToEnd = async (caseId: string) => {
      await prepareDraft(engine, caseId);
      const drafted = await noteOf(caseId);
      const submitted = await applyTransition(engine, as(instructor), {
        caseId,
        transition: 'submit',
        version: await versionOf(caseId),
        input: { contentSha256: drafted.contentSha256 },
      });
      await applyTransition(engine, as(director), {
        caseId,
        transition: 'sign',
        version: submitted.version,
        input: { contentSha256: drafted.contentSha256 },
      });
      const signed = await noteOf(caseId);
      const document = await renderRegisteredDocument(documents, signed.documentId!);
      if (document?.status !== 'valid') throw new Error(`note of ${caseId} not signed`);
      return document;
    };

    const warmup = 2;
    const prepared: string[] = [];
    for (let i = 0; i < warmup + 2 * options.notes; i++) prepared.push(await prepare(i));
    // Warm up: certificates of the signatories (RSA key generation), Typst caches, the overlay's plans.
    let sample: Awaited<ReturnType<typeof endToEnd>> | undefined;
    for (const id of prepared.slice(0, warmup)) sample = await endToEnd(id);

    // One note after the other.
    const sequentialIds = prepared.slice(warmup, warmup + options.notes);
    const e2eTimes: number[] = [];
    const started = performance.now();
    for (const id of sequentialIds) {
      const t0 = performance.now();
      await endToEnd(id);
      e2eTimes.push(performance.now() - t0);
    }
    const e2e = summarize(e2eTimes, (performance.now() - started) / 1000);

    // Several notes in flight, as several agents and workers would: database waits overlap rendering.
    const concurrentIds = prepared.slice(warmup + options.notes);
    const queue = [...concurrentIds];
    const concurrentTimes: number[] = [];
    const concurrentStart = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const t0 = performance.now();
          await endToEnd(id);
          concurrentTimes.push(performance.now() - t0);
        }
      }),
    );
    const concurrent = summarize(concurrentTimes, (performance.now() - concurrentStart) / 1000);

    // Bare rendering of the same note: the stored template data and its QR, no signature.
    const [doc] = await platform.db.orm
      .select()
      .from(issuedDocuments)
      .where(eq(issuedDocuments.id, sample!.id));
    const renderer = documents.renderer();
    const qr = qrSvg(`https://taamir.example.ma/verify/${doc!.verificationCode}`);
    const bareOnce = () =>
      renderer.render({ template: doc!.template, data: doc!.data, files: { [QR_FILE]: qr } });
    for (let i = 0; i < 3; i++) await bareOnce();
    const bareTimes: number[] = [];
    const bareStart = performance.now();
    for (let i = 0; i < options.notes; i++) {
      const t0 = performance.now();
      await bareOnce();
      bareTimes.push(performance.now() - t0);
    }
    const bare = summarize(bareTimes, (performance.now() - bareStart) / 1000);

    const line = (name: string, r: Timing) =>
      `  ${name.padEnd(46)} ${fmt(r.perSecond, 1).padStart(6)} notes/s  ${fmt(r.msMean, 1).padStart(6)} ms/note (p50 ${fmt(r.msP50, 1)}, p95 ${fmt(r.msP95, 1)})  n=${r.count}`;
    console.log(`\nInformation notes — ${options.notes} notes per run, one process, ${database.kind}`);
    console.log(line('bare render of the note (baseline)', bare));
    console.log(line('end to end, one at a time', e2e));
    console.log(line(`end to end, ${options.concurrency} in flight`, concurrent));
    const ratio = bare.perSecond / e2e.perSecond;
    const ratioConcurrent = bare.perSecond / concurrent.perSecond;
    console.log(
      `  time per note, end to end / bare render: ${fmt(ratio, 2)} one at a time, ${fmt(ratioConcurrent, 2)} with ${options.concurrency} in flight (goal ≤ 1.5)`,
    );
    return { bare, e2e, concurrent, ratio, ratioConcurrent };
  } finally {
    await runtime.close();
    await database.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
