// The procedures the platform runs. Each service registers its definition once at start-up; an
// invalid definition stops the start-up with every problem listed.
import './problems.ts';
import { AppError } from '../platform/errors.ts';
import type { ProcedureDefinition, TransitionDefinition } from './definition.ts';
import { assertValidDefinition } from './validate-definition.ts';

export type ProcedureRegistry = {
  register(def: ProcedureDefinition): void;
  get(code: string): ProcedureDefinition;
  find(code: string): ProcedureDefinition | undefined;
  all(): readonly ProcedureDefinition[];
};

export function createRegistry(definitions: readonly ProcedureDefinition[] = []): ProcedureRegistry {
  const byCode = new Map<string, ProcedureDefinition>();
  const registry: ProcedureRegistry = {
    register(def) {
      assertValidDefinition(def);
      if (byCode.has(def.code)) throw new Error(`procedure ${def.code} registered twice`);
      byCode.set(def.code, def);
    },
    get(code) {
      const def = byCode.get(code);
      if (!def) throw new AppError('case.procedure_not_found');
      return def;
    },
    find: (code) => byCode.get(code),
    all: () => [...byCode.values()],
  };
  for (const def of definitions) registry.register(def);
  return registry;
}

export const transitionOf = (def: ProcedureDefinition, key: string): TransitionDefinition | undefined =>
  def.transitions.find((t) => t.key === key);
