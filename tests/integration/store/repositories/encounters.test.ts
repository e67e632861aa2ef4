import { describe, expect, it } from 'vitest';
import { openTestStore, seedEncounter, segment, thrownBy } from '../fixture';

describe('encounters repository', () => {
  it('creates an encounter with every consent off and reads it back with its patient', async () => {
    const store = await openTestStore();
    const e = seedEncounter(store, 'Back pain');
    const got = store.repos.encounters.get(e.id);
    expect(got).toMatchObject({
      id: e.id,
      reason: 'Back pain',
      status: 'open',
      consent: { recording: false, aiProcessing: false, learning: false },
      patient: { name: 'Maria Synthetic', mrn: 'MRN-TEST-0001', dob: '1961-04-09' },
    });
    expect(store.repos.encounters.get('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('sets consent flags and rejects an unknown encounter', async () => {
    const store = await openTestStore();
    const e = seedEncounter(store);
    const consent = { recording: true, aiProcessing: true, learning: false };
    expect(store.repos.encounters.setConsent(e.id, consent)).toEqual(consent);
    expect(store.repos.encounters.get(e.id)?.consent).toEqual(consent);
    expect(thrownBy(() => store.repos.encounters.setConsent('nope', consent))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists newest first with a total and pages', async () => {
    const store = await openTestStore();
    for (let i = 0; i < 5; i += 1) seedEncounter(store, `visit ${i}`);
    const page = store.repos.encounters.list({ query: '', limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.items.map((e) => e.reason)).toEqual(['visit 3', 'visit 2']);
  });
});

describe('encounter search', () => {
  const setup = async () => {
    const store = await openTestStore();
    const knee = seedEncounter(store, 'Knee swelling after fall', {
      name: 'Alba Quintero',
      dob: '1950-02-03',
      mrn: 'MRN-7781',
    });
    const head = seedEncounter(store, 'Persistent headache', {
      name: 'Bruno Okafor',
      dob: '1988-12-30',
      mrn: 'MRN-1200',
    });
    store.repos.segments.replaceForEncounter(head.id, [segment('It throbs behind my eyes every morning')]);
    const search = (query: string) => store.repos.encounters.list({ query, limit: 50, offset: 0 });
    return { store, knee, head, search };
  };

  it('finds an encounter by patient name', async () => {
    const { search, knee } = await setup();
    expect(search('Quintero').items.map((e) => e.id)).toEqual([knee.id]);
  });

  it('finds an encounter by MRN', async () => {
    const { search, head } = await setup();
    expect(search('MRN-1200').items.map((e) => e.id)).toEqual([head.id]);
    expect(search('MRN-1200').total).toBe(1);
  });

  it('finds an encounter by reason', async () => {
    const { search, knee } = await setup();
    expect(search('swelling').items.map((e) => e.id)).toEqual([knee.id]);
  });

  it('finds an encounter by a transcript word', async () => {
    const { search, head } = await setup();
    expect(search('throbs').items.map((e) => e.id)).toEqual([head.id]);
  });

  it('matches word prefixes, ignores case and accents', async () => {
    const { store, search, knee } = await setup();
    const jose = seedEncounter(store, 'Rash', { name: 'José Núñez', dob: '1990-01-01', mrn: 'X1' });
    expect(search('quin').items.map((e) => e.id)).toEqual([knee.id]);
    expect(search('jose nunez').items.map((e) => e.id)).toEqual([jose.id]);
  });

  it('requires every word, each anywhere in the encounter', async () => {
    const { search, head } = await setup();
    expect(search('okafor throbs').items.map((e) => e.id)).toEqual([head.id]);
    expect(search('okafor swelling').items).toEqual([]);
  });

  it('lists everything for an empty or blank query', async () => {
    const { search } = await setup();
    expect(search('').total).toBe(2);
    expect(search('   ').total).toBe(2);
  });

  it.each([
    '"',
    '"unbalanced',
    'quintero"',
    '*',
    'quin*',
    'knee OR headache',
    'NOT knee',
    'NEAR(knee headache',
    '((knee',
    'knee)',
    'body:knee',
    '^knee',
    'knee AND',
    '-knee',
    '+',
    "'; DROP TABLE encounters; --",
  ])('treats FTS syntax in user input as text and never throws: %s', async (query) => {
    const { search } = await setup();
    expect(() => search(query)).not.toThrow();
  });

  it('does not give OR its FTS meaning', async () => {
    const { search } = await setup();
    // As syntax this would match both; as words, nothing contains a word starting with "or".
    expect(search('swelling OR headache').items).toEqual([]);
  });

  it('finds text that contains quotes and parentheses', async () => {
    const { search, knee } = await setup();
    expect(search('"quintero"').items.map((e) => e.id)).toEqual([knee.id]);
    expect(search('(knee)').items.map((e) => e.id)).toEqual([knee.id]);
  });

  it('pages search results with the full total', async () => {
    const { store, search } = await setup();
    for (let i = 0; i < 4; i += 1) seedEncounter(store, `migraine ${i}`);
    const page = store.repos.encounters.list({ query: 'migraine', limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((e) => e.reason)).toEqual(['migraine 1', 'migraine 0']);
    expect(search('migraine').items).toHaveLength(4);
  });
});
