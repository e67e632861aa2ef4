import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../main/services/runtime';
import { openTempRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';

describe('encounters', () => {
  let rt: Runtime;
  beforeEach(async () => {
    rt = await openTempRuntime();
  });
  afterEach(async () => {
    await rt.close();
  });

  it('start with every consent off', () => {
    const e = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Cough' }, null);
    expect(e.consent).toEqual({ recording: false, aiProcessing: false, learning: false });
    expect(e.status).toBe('open');
  });

  it('audits each consent change with the flags that changed, and not an unchanged one', async () => {
    const { encounters, store } = rt.services();
    const e = encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Cough' }, null);
    const before = store.audit.count();
    expect(encounters.setConsent(e.id, { recording: true }, null)).toEqual({
      recording: true,
      aiProcessing: false,
      learning: false,
    });
    encounters.setConsent(e.id, { recording: true }, null);
    expect(store.audit.count()).toBe(before + 1);
    const report = await store.audit.verify({});
    expect(report.ok).toBe(true);
  });

  it('lists newest first and pages', () => {
    const { encounters } = rt.services();
    for (let i = 0; i < 5; i += 1)
      encounters.create({ patient: { ...SYNTHETIC_PATIENT, mrn: `MRN-${i}` }, reason: `visit ${i}` }, null);
    const page = encounters.list({ query: '', limit: 2, offset: 0 });
    expect(page.total).toBe(5);
    expect(page.items.map((e) => e.reason)).toEqual(['visit 4', 'visit 3']);
    expect(encounters.list({ query: 'MRN-2', limit: 10, offset: 0 }).items.map((e) => e.reason)).toEqual(['visit 2']);
  });
});
