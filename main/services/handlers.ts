import type { Runtime } from './runtime';
import type { Handlers } from './dispatch';

/** Binds each contract channel to a service call. Validation already happened in dispatch(). */
export const createHandlers = (rt: Runtime): Handlers => {
  const actor = (): string | null => rt.services().store.repos.clinicians.getDefault()?.id ?? null;

  return {
    'app:info': () => {
      const unlocked = rt.isUnlocked();
      const clinician = unlocked ? rt.services().store.repos.clinicians.getDefault() : null;
      return {
        version: rt.version,
        schemaVersion: unlocked ? rt.services().store.schemaVersion : 0,
        locked: !unlocked,
        clinician: clinician ? { id: clinician.id, displayName: clinician.displayName } : null,
      };
    },
    'session:unlock': async ({ passphrase }) => {
      await rt.unlockWithPassphrase(passphrase);
      return { unlocked: true as const };
    },
    'clinician:register': (req) => {
      const row = rt.services().store.repos.clinicians.create(req);
      return { id: row.id, displayName: row.displayName };
    },
    'encounter:create': (req) => rt.services().encounters.create(req, actor()),
    'encounter:list': (req) => rt.services().encounters.list(req),
    'encounter:get': ({ id }) => rt.services().encounters.get(id, actor()),
    'encounter:setConsent': ({ id, consent }) => rt.services().encounters.setConsent(id, consent, actor()),
    'audit:verify': () => {
      const { audit } = rt.services().store;
      const actorId = actor();
      return rt.jobs.start('audit-verify', async ({ signal, progress }) => {
        const report = await audit.verify({ signal, onProgress: progress });
        audit.append({
          action: 'audit.verify',
          actorId,
          entityType: null,
          entityId: null,
          details: { ok: report.ok, checked: report.checked, reason: report.reason },
        });
        return report;
      });
    },
    'job:cancel': ({ jobId }) => ({ cancelled: rt.jobs.cancel(jobId) }),
  };
};
