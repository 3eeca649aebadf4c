import { isAppError } from '../../platform/errors.ts';
import { issueOpen311Key } from '../../services/complaints/open311/issue-key.ts';
import { type Command, UsageError } from '../command.ts';
import { withRuntime } from './with-runtime.ts';

export const open311IssueKeyCommand: Command = {
  name: 'open311 issue-key',
  summary: 'Issue an Open311 api_key to a partner system of an agency; the key is printed on the last line.',
  usage: 'open311 issue-key --agency CODE --name "Partner"',
  options: {
    agency: { type: 'string', description: "The agency's code, e.g. AUST (the key's jurisdiction)" },
    name: { type: 'string', description: 'Who the key is for, e.g. "Commune de Témara — GRC"' },
  },
  run: async ({ values, out, err }) => {
    const agency = values.agency as string | undefined;
    const name = values.name as string | undefined;
    if (!agency || !name) throw new UsageError('--agency and --name are required');
    return withRuntime({}, async ({ platform }) => {
      try {
        const issued = await issueOpen311Key(
          platform,
          { actor: { kind: 'system', label: 'cli' } },
          { agencyCode: agency, name },
        );
        out(`Open311 key for "${name}" (${agency.toUpperCase()}), prefix ${issued.prefix}.`);
        out('It is shown once: give it to the partner now. Revoke it in the web (API tokens).');
        out(issued.key);
        return 0;
      } catch (error) {
        if (!isAppError(error)) throw error;
        const detail = error.fields.map((f) => `${f.pointer.slice(1)}: ${f.code}`).join(', ');
        const about = error.code === 'reference.agency_not_found' ? agency : detail;
        err(`error: ${error.code}${about ? ` (${about})` : ''}`);
        return 1;
      }
    });
  },
};
