import type { AuditVerifyReport } from '../../../common/domain';
import { withRuntime, type CliContext } from '../context';

const explain = (r: AuditVerifyReport): string => {
  switch (r.reason) {
    case 'ok':
      return `Audit chain intact: ${r.checked} events verified.`;
    case 'mac_mismatch':
      return `Audit chain BROKEN: event ${r.brokenAt ?? '?'} was altered (MAC mismatch).`;
    case 'sequence_gap':
      return `Audit chain BROKEN: event ${r.brokenAt ?? '?'} is missing (sequence gap).`;
    case 'truncated':
      return `Audit chain BROKEN: newest events from ${r.brokenAt ?? '?'} are missing (the head records ${r.headSeq ?? '?'}).`;
    case 'head_missing':
      return 'Audit chain cannot be trusted: the chain head file is missing.';
    case 'head_invalid':
      return 'Audit chain cannot be trusted: the chain head file was altered.';
  }
};

/** Exit code 1 on a broken chain, so scripts and monitoring can act on it. */
export const auditVerify = (ctx: CliContext): Promise<number> =>
  withRuntime(ctx, true, async (rt) => {
    const report = await rt.services().store.audit.verify({});
    ctx.out.result(report, () => explain(report));
    return report.ok ? 0 : 1;
  });
