import { describe, expect, it } from 'vitest';
import { openTestStore, seedEncounter, thrownBy } from '../fixture';

describe('findings repository', () => {
  it('replaces findings for an encounter and round-trips payload and evidence as JSON', async () => {
    const store = await openTestStore();
    const e = seedEncounter(store);
    store.repos.findings.replaceForEncounter(e.id, [{ kind: 'symptom', payload: { text: 'old' }, evidence: [] }]);
    const rows = store.repos.findings.replaceForEncounter(e.id, [
      {
        kind: 'symptom',
        payload: { term: 'cough', assertion: 'present' },
        evidence: [{ segmentId: 's', start: 0, end: 5 }],
      },
      { kind: 'medication', payload: { name: 'x', dose: 5 }, evidence: [] },
    ]);
    expect(rows.every((r) => r.status === 'proposed')).toBe(true);
    expect(store.repos.findings.listForEncounter(e.id).map((r) => [r.kind, r.payload, r.evidence])).toEqual([
      ['symptom', { term: 'cough', assertion: 'present' }, [{ segmentId: 's', start: 0, end: 5 }]],
      ['medication', { name: 'x', dose: 5 }, []],
    ]);
  });

  it('sets a finding status and rejects an unknown one', async () => {
    const store = await openTestStore();
    const e = seedEncounter(store);
    const [row] = store.repos.findings.replaceForEncounter(e.id, [{ kind: 'allergy', payload: {}, evidence: [] }]);
    expect(store.repos.findings.setStatus(row!.id, 'accepted').status).toBe('accepted');
    expect(thrownBy(() => store.repos.findings.setStatus('ghost', 'rejected'))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
