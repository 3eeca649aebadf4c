// Case engine throughput: create N cases and advance each through two transitions (deposit, assign),
// each in its own transaction with its audit event, clocks, timeline and notifications — against a bare
// INSERT + UPDATE of the same rows, one transaction each, in the same run on the same database.
import { sql } from 'drizzle-orm';
import { loadUserActor } from '../src/accounts/sessions.ts';
import { createUser } from '../src/accounts/use-cases/create-user.ts';
import { applyTransition } from '../src/engine/use-cases/apply-transition.ts';
import { createCase } from '../src/engine/use-cases/create-case.ts';
import { rows } from '../src/platform/db/database.ts';
import { benchApp, fmt } from './support.ts';

export async function engineBench(options: { cases: number }) {
  const { runtime, close } = await benchApp();
  const { platform, engine } = runtime;
  const system = { actor: { kind: 'system' as const, label: 'bench' } };
  try {
    const citizen = await createUser(platform, system, {
      email: 'bench.citizen@example.ma',
      fullName: 'Bench Citizen',
      password: 'Bench-password-2026',
      locale: 'fr',
    });
    const staff = await createUser(platform, system, {
      email: 'bench.staff@example.ma',
      fullName: 'Bench Staff',
      password: 'Bench-password-2026',
      locale: 'fr',
      organizationCode: 'AUST',
      role: 'director',
    });
    const citizenActor = (await loadUserActor(platform.db.orm, citizen.id, null))!;
    const staffActor = (await loadUserActor(platform.db.orm, staff.id, null))!;
    const data = {
      subject: 'Question',
      topic: 'zoning',
      question: 'Quelle hauteur est permise sur cette parcelle ?',
    };
    const [agency] = await rows<{ id: string }>(
      platform.db.orm,
      sql`select id from agencies where code = 'AUST'`,
    );

    // Baseline: the same rows, bare.
    const bareStart = performance.now();
    for (let i = 0; i < options.cases; i++) {
      const id = await platform.db.transaction(async (tx) => {
        const [row] = await rows<{ id: string }>(
          tx,
          sql`insert into cases (agency_id, procedure_code, procedure_version, state, phase, holder, applicant_user_id, data)
            values (${agency!.id}, 'BARE', 1, 'draft', 'draft', 'applicant', ${citizen.id}, ${JSON.stringify(data)}::jsonb) returning id`,
        );
        return row!.id;
      });
      await platform.db.transaction((tx) =>
        tx.execute(
          sql`update cases set state = 'deposited', phase = 'open', version = version + 1 where id = ${id}`,
        ),
      );
      await platform.db.transaction((tx) =>
        tx.execute(sql`update cases set state = 'in_progress', version = version + 1 where id = ${id}`),
      );
    }
    const bareMs = performance.now() - bareStart;

    const engineStart = performance.now();
    for (let i = 0; i < options.cases; i++) {
      const { caseRow } = await createCase(
        engine,
        { actor: citizenActor },
        { kind: 'user', userId: citizen.id, accountType: 'citizen' },
        { procedure: 'INFO', agencyCode: 'AUST', data },
      );
      const deposited = await applyTransition(
        engine,
        { actor: citizenActor },
        { caseId: caseRow.id, transition: 'deposit', version: caseRow.version },
      );
      await applyTransition(
        engine,
        { actor: staffActor },
        {
          caseId: caseRow.id,
          transition: 'assign',
          version: deposited.version,
          input: { assigneeId: staff.id },
        },
      );
    }
    const engineMs = performance.now() - engineStart;

    const steps = options.cases * 3;
    const bareRate = (steps / bareMs) * 1000;
    const engineRate = (steps / engineMs) * 1000;
    console.log(
      `\nCase engine — ${fmt(options.cases)} cases × (create + deposit + assign), ${platform.db.kind}, one transaction per step`,
    );
    console.log(
      `  bare INSERT + 2 UPDATEs (baseline)       ${fmt(bareRate).padStart(8)} steps/s  ${fmt(bareMs / steps, 2)} ms/step`,
    );
    console.log(
      `  engine (audit, clocks, events, outbox)   ${fmt(engineRate).padStart(8)} steps/s  ${fmt(engineMs / steps, 2)} ms/step  ratio ${fmt(engineRate / bareRate, 2)}`,
    );
    const [refs] = await rows<{ n: number; d: number }>(
      platform.db.orm,
      sql`select count(*)::int as n, count(distinct reference)::int as d from cases where procedure_code = 'INFO'`,
    );
    console.log(`  references issued: ${refs!.d} distinct for ${refs!.n} cases`);
    return { bareRate, engineRate };
  } finally {
    await close();
  }
}
