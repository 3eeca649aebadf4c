// The national checklist of a procedure, applied to one case: which items are required given the
// case data, and which of them still have no document.
import type { ChecklistItem, ProcedureDefinition } from './definition.ts';

export function isRequired(item: ChecklistItem, data: Record<string, unknown>): boolean {
  if (item.requirement === 'mandatory') return true;
  if (item.requirement === 'optional' || !item.when) return false;
  const value = data[item.when.field];
  return item.when.equals === undefined ? Boolean(value) : value === item.when.equals;
}

export function missingItems(
  def: ProcedureDefinition,
  data: Record<string, unknown>,
  documentCodes: ReadonlySet<string>,
): ChecklistItem[] {
  return def.checklist.filter((item) => isRequired(item, data) && !documentCodes.has(item.code));
}

export const checklistItem = (def: ProcedureDefinition, code: string) =>
  def.checklist.find((i) => i.code === code);

/** States in which an item may be uploaded: its own list, else the procedure's draft states. */
export function uploadStates(def: ProcedureDefinition, item: ChecklistItem): readonly string[] {
  if (item.uploadIn?.length) return item.uploadIn;
  return Object.entries(def.states)
    .filter(([, s]) => s.phase === 'draft')
    .map(([k]) => k);
}
