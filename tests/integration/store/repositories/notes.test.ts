import { describe, expect, it } from 'vitest';
import type { Store } from '../../../../main/store';
import { openRawConnection, openTestStore, seedEncounter, storeFiles, thrownBy } from '../fixture';

const draft = (store: Store, encounterId: string, body: unknown = { sections: [{ title: 'S', text: 'Cough' }] }) =>
  store.repos.notes.createVersion({
    encounterId,
    template: 'soap',
    body,
    status: 'draft',
    modelVersion: null,
    adapterVersion: null,
  });

describe('notes repository', () => {
  it('numbers versions 1, 2, … per encounter and lists them in order', async () => {
    const store = await openTestStore();
    const a = seedEncounter(store);
    const b = seedEncounter(store);
    const v1 = draft(store, a.id);
    const v2 = store.repos.notes.createVersion({
      encounterId: a.id,
      template: 'soap',
      body: { x: 1 },
      status: 'edited',
      modelVersion: 'composer-1',
      adapterVersion: null,
      parentId: v1.id,
    });
    const other = draft(store, b.id);
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
    expect(store.repos.notes.listForEncounter(a.id).map((n) => n.id)).toEqual([v1.id, v2.id]);
    expect(store.repos.notes.get(v2.id)).toMatchObject({ parentId: v1.id, body: { x: 1 }, modelVersion: 'composer-1' });
    expect(store.repos.notes.latest(a.id)?.id).toBe(v2.id);
  });

  it('edits an unsigned version in place and marks it edited', async () => {
    const store = await openTestStore();
    const v1 = draft(store, seedEncounter(store).id);
    expect(store.repos.notes.updateBody(v1.id, { changed: true })).toMatchObject({
      status: 'edited',
      body: { changed: true },
    });
  });

  it('signs a version, recording the clinician and the time', async () => {
    const store = await openTestStore();
    const clinician = store.repos.clinicians.create({ displayName: 'Dr Test', credentials: 'MD' });
    const v1 = draft(store, seedEncounter(store).id);
    const signed = store.repos.notes.sign(v1.id, clinician.id);
    expect(signed).toMatchObject({ status: 'signed', signedBy: clinician.id });
    expect(signed.signedAt).toEqual(expect.any(String));
  });

  it('fails to sign twice with SIGNED_NOTE_IMMUTABLE and keeps the first signature', async () => {
    const store = await openTestStore();
    const first = store.repos.clinicians.create({ displayName: 'Dr One', credentials: '' });
    const second = store.repos.clinicians.create({ displayName: 'Dr Two', credentials: '' });
    const v1 = draft(store, seedEncounter(store).id);
    store.repos.notes.sign(v1.id, first.id);
    expect(thrownBy(() => store.repos.notes.sign(v1.id, second.id))).toMatchObject({ code: 'SIGNED_NOTE_IMMUTABLE' });
    expect(store.repos.notes.get(v1.id)?.signedBy).toBe(first.id);
  });

  it('refuses to edit a signed version with SIGNED_NOTE_IMMUTABLE', async () => {
    const store = await openTestStore();
    const clinician = store.repos.clinicians.create({ displayName: 'Dr Test', credentials: '' });
    const v1 = draft(store, seedEncounter(store).id);
    store.repos.notes.sign(v1.id, clinician.id);
    expect(thrownBy(() => store.repos.notes.updateBody(v1.id, { sneaky: true }))).toMatchObject({
      code: 'SIGNED_NOTE_IMMUTABLE',
    });
  });

  it('rejects a raw SQL UPDATE or DELETE of a signed note in the database itself', async () => {
    const files = storeFiles();
    const store = await openTestStore(files);
    const clinician = store.repos.clinicians.create({ displayName: 'Dr Test', credentials: '' });
    const v1 = draft(store, seedEncounter(store).id);
    store.repos.notes.sign(v1.id, clinician.id);
    const raw = await openRawConnection(files);
    expect(() => raw.prepare("UPDATE note_versions SET body_json = '{}' WHERE id = ?").run(v1.id)).toThrow(
      'SIGNED_NOTE_IMMUTABLE',
    );
    expect(() => raw.prepare('DELETE FROM note_versions WHERE id = ?').run(v1.id)).toThrow('SIGNED_NOTE_IMMUTABLE');
    raw.close();
    expect(store.repos.notes.get(v1.id)?.body).toEqual({ sections: [{ title: 'S', text: 'Cough' }] });
  });

  it('refuses an unknown clinician or note when signing', async () => {
    const store = await openTestStore();
    const clinician = store.repos.clinicians.create({ displayName: 'Dr Test', credentials: '' });
    const v1 = draft(store, seedEncounter(store).id);
    expect(thrownBy(() => store.repos.notes.sign(v1.id, 'ghost'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(thrownBy(() => store.repos.notes.sign('ghost', clinician.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(store.repos.notes.get(v1.id)?.status).toBe('draft');
  });
});
