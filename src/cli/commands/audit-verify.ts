import { verifyAudit } from '../../platform/audit/audit-log.ts';
import type { Command } from '../command.ts';
import { withRuntime } from './with-runtime.ts';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Recompute the hash chain of the audit trail and report the first broken link (exit 1 if any).',
  usage: 'audit verify',
  run: async ({ out, err }) =>
    withRuntime({ seed: false }, async ({ platform }) => {
      const result = await verifyAudit(platform.db.orm);
      if (result.ok) {
        out(`audit trail intact: ${result.events} events in ${result.chains} chains`);
        return 0;
      }
      err(
        `audit trail BROKEN in chain ${result.chain} at position ${result.position} (event id ${result.id}): ${result.reason}`,
      );
      return 1;
    }),
};
