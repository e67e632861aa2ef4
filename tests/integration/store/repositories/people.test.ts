import { describe, expect, it } from 'vitest';
import { openTestStore, PATIENT, thrownBy } from '../fixture';

describe('clinicians repository', () => {
  it('has no default clinician until one registers, then the first one is the default', async () => {
    const store = await openTestStore();
    expect(store.repos.clinicians.getDefault()).toBeNull();
    const first = store.repos.clinicians.create({ displayName: 'Dr First', credentials: 'MD' });
    store.repos.clinicians.create({ displayName: 'Dr Second', credentials: '' });
    expect(store.repos.clinicians.getDefault()?.id).toBe(first.id);
    expect(store.repos.clinicians.get(first.id)).toMatchObject({ displayName: 'Dr First', credentials: 'MD' });
    expect(store.repos.clinicians.list()).toHaveLength(2);
  });
});

describe('patients repository', () => {
  it('creates, reads and updates a patient', async () => {
    const store = await openTestStore();
    const p = store.repos.patients.create(PATIENT);
    expect(store.repos.patients.get(p.id)).toEqual(p);
    expect(store.repos.patients.update(p.id, { ...PATIENT, mrn: 'MRN-NEW' }).mrn).toBe('MRN-NEW');
    expect(thrownBy(() => store.repos.patients.update('ghost', PATIENT))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
