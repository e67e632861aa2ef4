import { describe, expect, it } from 'vitest';
import { openTestStore, seedEncounter } from '../fixture';

describe('training examples repository', () => {
  it("adds, lists by encounter and kind, and deletes an encounter's examples", async () => {
    const store = await openTestStore();
    const a = seedEncounter(store);
    const b = seedEncounter(store);
    store.repos.trainingExamples.add({
      encounterId: a.id,
      kind: 'section-label',
      payload: { text: 'x', label: 'plan' },
    });
    store.repos.trainingExamples.add({ encounterId: a.id, kind: 'note-edit', payload: { before: 1, after: 2 } });
    store.repos.trainingExamples.add({ encounterId: b.id, kind: 'section-label', payload: {} });
    expect(store.repos.trainingExamples.count()).toBe(3);
    expect(store.repos.trainingExamples.list({ encounterId: a.id }).map((r) => r.kind)).toEqual([
      'section-label',
      'note-edit',
    ]);
    expect(store.repos.trainingExamples.list({ kind: 'section-label' })).toHaveLength(2);
    expect(store.repos.trainingExamples.list({ encounterId: a.id })[0]!.payload).toEqual({ text: 'x', label: 'plan' });
    expect(store.repos.trainingExamples.deleteForEncounter(a.id)).toBe(2);
    expect(store.repos.trainingExamples.list().map((r) => r.encounterId)).toEqual([b.id]);
  });
});
