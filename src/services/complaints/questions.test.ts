import { describe, expect, it } from 'vitest';
import { answerText, checkAnswers, questionProblems } from './questions.ts';
import type { Question } from './tables.ts';

const L = (fr: string) => ({ ar: `ع ${fr}`, fr, en: fr });
const STAGE: Question = {
  code: 'works_stage',
  datatype: 'singlevaluelist',
  required: true,
  label: L('Stade des travaux'),
  values: [
    { key: 'foundations', name: L('Fondations') },
    { key: 'walls', name: L('Murs') },
  ],
};
const NUISANCES: Question = {
  code: 'nuisances',
  datatype: 'multivaluelist',
  required: false,
  label: L('Gênes'),
  values: [
    { key: 'pavement', name: L('Trottoir bloqué') },
    { key: 'rubble', name: L('Gravats') },
  ],
};
const FLOORS: Question = { code: 'floors', datatype: 'number', required: false, label: L('Étages') };
const SEEN: Question = { code: 'seen_on', datatype: 'datetime', required: false, label: L('Vu le') };
const FILE: Question = { code: 'file_reference', datatype: 'string', required: true, label: L('Dossier') };

describe('checkAnswers', () => {
  it('normalises form strings into the datatypes', () => {
    const { value, errors } = checkAnswers([STAGE, NUISANCES, FLOORS, SEEN], {
      works_stage: 'walls',
      nuisances: ['rubble', 'pavement', 'rubble'],
      floors: '3',
      seen_on: '2026-03-14',
    });
    expect(errors).toEqual([]);
    expect(value).toEqual({
      works_stage: 'walls',
      nuisances: ['rubble', 'pavement'],
      floors: 3,
      seen_on: '2026-03-14',
    });
  });

  it('reports every wrong or missing answer with a pointer', () => {
    const { errors } = checkAnswers([STAGE, NUISANCES, FLOORS, SEEN, FILE], {
      works_stage: 'roof',
      nuisances: 'noise',
      floors: 'three',
      seen_on: 'yesterday',
      colour: 'red',
    });
    expect(errors.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '/answers/colour additionalProperties',
      '/answers/file_reference required',
      '/answers/floors type',
      '/answers/nuisances enum',
      '/answers/seen_on format',
      '/answers/works_stage enum',
    ]);
  });

  it('accepts a single value for a multi-value list (Open311 forms send one)', () => {
    expect(checkAnswers([NUISANCES], { nuisances: 'rubble' }).value).toEqual({ nuisances: ['rubble'] });
  });
});

describe('questionProblems', () => {
  it('needs values for lists, none for others, unique codes and three languages', () => {
    const problems = questionProblems([
      { ...STAGE, values: [] },
      { ...FLOORS, values: [{ key: 'x', name: L('x') }] },
      { ...FILE, code: 'floors', label: { ar: '', fr: 'Dossier', en: 'File' } },
    ]);
    expect(problems.map((p) => `${p.pointer} ${p.code}`)).toEqual([
      '/questions/0/values minItems',
      '/questions/1/values maxItems',
      '/questions/2/code unique',
      '/questions/2/label/ar required',
    ]);
  });
});

describe('answerText', () => {
  it('names list values in the reader’s language', () => {
    expect(answerText(NUISANCES, ['pavement', 'rubble'], 'fr')).toBe('Trottoir bloqué, Gravats');
    expect(answerText(STAGE, 'walls', 'ar')).toBe('ع Murs');
  });
});
