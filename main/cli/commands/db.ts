import type { CliContext } from '../context';
import { withRuntime } from '../context';
import { LATEST_SCHEMA_VERSION } from '../../store';

export const dbInit = (ctx: CliContext, args: { clinician: string | undefined }): Promise<void> =>
  withRuntime(ctx, false, (rt) => {
    const { store } = rt.services();
    const existing = store.repos.clinicians.getDefault();
    const clinician =
      existing ??
      (args.clinician ? store.repos.clinicians.create({ displayName: args.clinician, credentials: '' }) : null);
    const value = { path: rt.paths.dbPath, schemaVersion: store.schemaVersion, clinicianId: clinician?.id ?? null };
    ctx.out.result(value, () =>
      [
        `Store ready at schema version ${store.schemaVersion}.`,
        clinician ? `Signing clinician: ${clinician.displayName}` : 'No signing clinician yet (use --clinician NAME).',
      ].join('\n'),
    );
  });

export const dbStatus = (ctx: CliContext): Promise<void> =>
  withRuntime(ctx, true, (rt) => {
    const { store } = rt.services();
    const encounters = store.repos.encounters.list({ query: '', limit: 1, offset: 0 }).total;
    const value = {
      path: rt.paths.dbPath,
      encrypted: true,
      schemaVersion: store.schemaVersion,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      encounters,
      auditEvents: store.audit.count(),
    };
    ctx.out.result(value, () =>
      [
        `Store: ${value.path}`,
        `Encrypted: yes (SQLCipher)`,
        `Schema: ${value.schemaVersion} (latest ${value.latestSchemaVersion})`,
        `Encounters: ${value.encounters}`,
        `Audit events: ${value.auditEvents}`,
      ].join('\n'),
    );
  });
