import { useState } from 'react';
import { ApiProblem } from '../../lib/api.ts';

/**
 * Submit state for a complaint form: like useApiForm, but field errors keep their whole pointer
 * (`answers/works_stage`), so the error summary links to the very field, including nested ones.
 */
export function useSubmit<T>(submit: () => Promise<T>, onSuccess: (result: T) => void) {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{
    title: string;
    detail?: string | undefined;
    code?: string;
  } | null>(null);

  const run = async (event?: React.FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    setPending(true);
    setProblem(null);
    setFieldErrors({});
    try {
      onSuccess(await submit());
    } catch (error) {
      if (error instanceof ApiProblem) {
        const fields: Record<string, string> = {};
        for (const e of error.problem.errors ?? []) {
          const key = e.pointer.replace(/^\/(input\/)?/, '') || '_';
          fields[key] ??= e.detail;
        }
        setFieldErrors(fields);
        const byField = error.problem.code === 'request.invalid' && Object.keys(fields).length > 0;
        setProblem({
          title: byField ? '' : error.problem.title,
          detail: error.problem.detail,
          code: error.problem.code,
        });
      } else if (error instanceof LocalProblem) {
        setFieldErrors(error.fields);
        setProblem({ title: '' });
      } else {
        setProblem({ title: String((error as Error).message ?? error) });
      }
    } finally {
      setPending(false);
    }
  };
  return { pending, fieldErrors, problem, run, setProblem, setFieldErrors };
}

/** Errors found in the browser before sending (file too big, half a coordinate). */
export class LocalProblem extends Error {
  readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>) {
    super('local');
    this.fields = fields;
  }
}
