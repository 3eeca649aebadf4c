// Checks a procedure definition before it can run: at start-up (the app refuses to start) and in the
// unit tests. It reports every problem at once, each with a path, so a definition author fixes them in one go.
import { LOCALES, type Localized } from '../platform/i18n/locale.ts';
import { isRole } from '../platform/tenancy/roles.ts';
import type { ProcedureDefinition } from './definition.ts';

export type DefinitionProblem = { path: string; message: string };

const missingLanguages = (text: Localized | undefined) =>
  text ? LOCALES.filter((l) => !text[l]?.trim()) : [...LOCALES];

/** Longest working-day delay that fits in a calendar-day maximum, whatever the holidays. */
export const workingDaysWithin = (calendarDays: number) => Math.floor((calendarDays * 5) / 7) - 2;

export function validateDefinition(def: ProcedureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const label = (path: string, text: Localized | undefined) => {
    const missing = missingLanguages(text);
    if (missing.length) add(path, `label missing in ${missing.join(', ')}`);
  };
  const states = new Set(Object.keys(def.states));
  const stateExists = (path: string, state: string) => {
    if (!states.has(state)) add(path, `unknown state "${state}"`);
  };

  if (!/^[A-Z]{2,6}$/.test(def.code)) add('code', 'must be 2 to 6 capital letters');
  label('name', def.name);
  label('description', def.description);
  stateExists('initialState', def.initialState);
  if (def.states[def.initialState]?.phase === 'closed') add('initialState', 'cannot be a closed state');
  for (const [key, state] of Object.entries(def.states)) {
    if (!/^[a-z][a-z0-9_]*$/.test(key)) add(`states.${key}`, 'state keys are snake_case');
    label(`states.${key}.label`, state.label);
    if (state.description) label(`states.${key}.description`, state.description);
  }

  // Transitions
  const transitionKeys = new Set<string>();
  for (const [i, t] of def.transitions.entries()) {
    const path = `transitions[${i}:${t.key}]`;
    if (transitionKeys.has(t.key)) add(path, 'duplicate transition key');
    transitionKeys.add(t.key);
    label(`${path}.label`, t.label);
    if (t.from.length === 0) add(`${path}.from`, 'no source state');
    for (const from of t.from) stateExists(`${path}.from`, from);
    stateExists(`${path}.to`, t.to);
    if (t.by.length === 0) add(`${path}.by`, 'nobody may fire it');
    for (const party of t.by) {
      if (party !== 'applicant' && party !== 'system' && !isRole(party))
        add(`${path}.by`, `unknown party "${party}"`);
    }
    for (const from of t.from) {
      if (def.states[from]?.phase === 'closed' && t.kind !== 'appeal')
        add(path, `leaves closed state "${from}" (only an appeal may)`);
    }
    if (t.kind === 'tacit_approval' && !t.by.includes('system'))
      add(path, 'tacit approval must be fired by the system');
    if (t.kind === 'appeal' && !t.from.every((f) => def.states[f]?.phase === 'closed'))
      add(path, 'an appeal starts from a closed (decided) state');
  }
  const byKind = (kind: string) => def.transitions.filter((t) => t.kind === kind);
  if (byKind('deposit').length !== 1)
    add('transitions', 'exactly one deposit transition is needed (it issues the receipt)');
  const deposit = byKind('deposit')[0];
  if (deposit && !deposit.by.includes('applicant') && !deposit.by.some((p) => isRole(p)))
    add(`transitions[${deposit.key}]`, 'a deposit is made by the applicant or by front-desk staff');
  const requests = byKind('request_missing_pieces');
  if (requests.length > 0 && byKind('answer_missing_pieces').length === 0)
    add('transitions', 'a missing-pieces request needs an answer_missing_pieces transition');

  // Reachability: every state can be reached from the initial state; every open state has a way out.
  const reached = new Set([def.initialState]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of def.transitions) {
      if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const state of states)
    if (!reached.has(state)) add(`states.${state}`, 'unreachable from the initial state');
  for (const [key, state] of Object.entries(def.states)) {
    if (state.phase !== 'closed' && !def.transitions.some((t) => t.from.includes(key)))
      add(`states.${key}`, 'an open state with no transition out (the case would be stuck)');
  }

  // Fields
  const fieldKeys = new Set<string>();
  for (const f of def.fields) {
    if (fieldKeys.has(f.key)) add(`fields.${f.key}`, 'duplicate field');
    fieldKeys.add(f.key);
    label(`fields.${f.key}.label`, f.label);
    if (f.type === 'select' && !f.options?.length) add(`fields.${f.key}`, 'a select needs options');
    for (const o of f.options ?? []) label(`fields.${f.key}.options.${o.value}`, o.label);
  }

  // Checklist
  const codes = new Set<string>();
  for (const item of def.checklist) {
    const path = `checklist.${item.code}`;
    if (codes.has(item.code)) add(path, 'duplicate checklist code');
    codes.add(item.code);
    if (!/^[a-z][a-z0-9_]*$/.test(item.code)) add(path, 'checklist codes are snake_case');
    label(`${path}.label`, item.label);
    if (item.hint) label(`${path}.hint`, item.hint);
    if (item.accept.length === 0) add(`${path}.accept`, 'no accepted file type');
    if (!(item.maxBytes > 0)) add(`${path}.maxBytes`, 'must be positive');
    if (item.requirement === 'conditional' && !item.when)
      add(path, 'a conditional item needs a `when` condition');
    if (item.when && !fieldKeys.has(item.when.field))
      add(`${path}.when`, `unknown field "${item.when.field}"`);
    for (const s of item.uploadIn ?? []) stateExists(`${path}.uploadIn`, s);
  }

  // Clocks
  for (const clock of def.clocks) {
    const path = `clocks.${clock.key}`;
    label(`${path}.label`, clock.label);
    if (!(clock.days > 0)) add(path, 'duration must be positive');
    if (clock.onExpiry.length === 0) add(`${path}.onExpiry`, 'a clock needs an expiry action');
    if (clock.startOn.length === 0) add(`${path}.startOn`, 'a clock needs a start');
    for (const s of [...clock.startOn, ...clock.stopOn, ...(clock.pauseIn ?? [])]) stateExists(path, s);
    for (const action of clock.onExpiry) {
      if (action.kind === 'transition') {
        const t = def.transitions.find((x) => x.key === action.transition);
        if (!t) add(`${path}.onExpiry`, `unknown transition "${action.transition}"`);
        else if (!t.by.includes('system'))
          add(`${path}.onExpiry`, `transition "${t.key}" cannot be fired by the system`);
      }
      if (action.kind === 'escalate' && !isRole(action.to))
        add(`${path}.onExpiry`, `unknown role "${action.to}"`);
    }
    if (clock.legal) {
      const max = def.legalMaximum.days;
      const over = clock.unit === 'calendar' ? clock.days > max : clock.days > workingDaysWithin(max);
      if (over) add(path, `exceeds the Law 55-19 maximum of ${max} days`);
      for (const t of requests) {
        if (!(clock.pauseIn ?? []).includes(t.to))
          add(path, `must pause while missing pieces are awaited (state "${t.to}")`);
      }
    }
  }
  if (def.legalMaximum.days > 60 || def.legalMaximum.investmentDays > 30)
    add('legalMaximum', 'Law 55-19 caps delays at 60 days (30 for investment files)');

  if (def.fees && !transitionKeys.has(def.fees.onTransition)) add('fees.onTransition', 'unknown transition');
  return problems;
}

export class InvalidDefinitionError extends Error {
  constructor(code: string, problems: DefinitionProblem[]) {
    super(`procedure ${code} is invalid:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
}

export function assertValidDefinition(def: ProcedureDefinition): void {
  const problems = validateDefinition(def);
  if (problems.length) throw new InvalidDefinitionError(def.code, problems);
}
