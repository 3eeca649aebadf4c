import { useState } from 'react';
import { ApiProblem } from './api.ts';

/** Submit state for a form backed by one API call: pending flag, field errors, the problem's title. */
export function useApiForm<T>(submit: () => Promise<T>, onSuccess: (result: T) => void) {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ title: string; detail?: string | undefined } | null>(null);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setProblem(null);
    setFieldErrors({});
    try {
      onSuccess(await submit());
    } catch (error) {
      if (error instanceof ApiProblem) {
        const fields = error.fieldErrors();
        setFieldErrors(fields);
        // Fields to correct: the summary's plain title ("There is a problem"), not the API's "Invalid request".
        const byField = error.problem.code === 'request.invalid' && Object.keys(fields).length > 0;
        setProblem({ title: byField ? '' : error.problem.title, detail: error.problem.detail });
      } else {
        setProblem({ title: String((error as Error).message ?? error) });
      }
    } finally {
      setPending(false);
    }
  };
  return { pending, fieldErrors, problem, onSubmit, setFieldErrors };
}
