import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditHeadPath, type AuditEvent, type Store } from '../../../main/store';
import { openRawConnection, openTestStore, storeFiles, type StoreFiles, thrownBy } from './fixture';

const event = (n: number): AuditEvent => ({
  action: 'note.view',
  actorId: null,
  entityType: 'note',
  entityId: `note-${n}`,
  details: { n, ok: true, code: 'X', nothing: null },
});

/** A store holding `extra` events after its own 'store.open' (seq 1). */
const storeWithEvents = async (extra: number): Promise<{ store: Store; files: StoreFiles }> => {
  const files = storeFiles();
  const store = await openTestStore(files);
  store.transaction(() => {
    for (let i = 0; i < extra; i += 1) store.audit.append(event(i));
  });
  return { store, files };
};

/** What an attacker holding the key would do: drop the guard trigger, then edit rows. */
const tamper = async (
  files: StoreFiles,
  sql: string,
  trigger: 'audit_events_no_update' | 'audit_events_no_delete',
): Promise<void> => {
  const raw = await openRawConnection(files);
  raw.exec(`DROP TRIGGER ${trigger}`);
  raw.exec(sql);
  raw.close();
};

describe('audit log', () => {
  it('chains each event to the previous one from a genesis of zeros', async () => {
    const { files } = await storeWithEvents(2);
    const raw = await openRawConnection(files);
    const rows = raw
      .prepare<[], { seq: number; prev_mac: string; mac: string }>(
        'SELECT seq, prev_mac, mac FROM audit_events ORDER BY seq',
      )
      .all();
    raw.close();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prev_mac).toBe('0'.repeat(64));
    expect(rows[1]!.prev_mac).toBe(rows[0]!.mac);
    expect(rows[2]!.prev_mac).toBe(rows[1]!.mac);
  });

  it('verifies an intact chain as ok', async () => {
    const { store } = await storeWithEvents(3);
    await expect(store.audit.verify()).resolves.toEqual({
      ok: true,
      checked: 4,
      headSeq: 4,
      brokenAt: null,
      reason: 'ok',
    });
  });

  it("reports mac_mismatch at the tampered row when one row's details are changed", async () => {
    const { store, files } = await storeWithEvents(5);
    await tamper(
      files,
      `UPDATE audit_events SET details_json = '{"n":99,"ok":true,"code":"X","nothing":null}' WHERE seq = 4`,
      'audit_events_no_update',
    );
    await expect(store.audit.verify()).resolves.toMatchObject({
      ok: false,
      reason: 'mac_mismatch',
      brokenAt: 4,
      checked: 3,
    });
  });

  it("reports mac_mismatch when a row's action is rewritten", async () => {
    const { store, files } = await storeWithEvents(3);
    await tamper(files, "UPDATE audit_events SET action = 'note.sign' WHERE seq = 2", 'audit_events_no_update');
    await expect(store.audit.verify()).resolves.toMatchObject({ reason: 'mac_mismatch', brokenAt: 2 });
  });

  it('reports truncated when the newest rows are deleted', async () => {
    const { store, files } = await storeWithEvents(5);
    await tamper(files, 'DELETE FROM audit_events WHERE seq >= 5', 'audit_events_no_delete');
    await expect(store.audit.verify()).resolves.toEqual({
      ok: false,
      checked: 4,
      headSeq: 6,
      brokenAt: 5,
      reason: 'truncated',
    });
  });

  it('keeps reporting truncation after the store is reopened and appends again', async () => {
    const { store, files } = await storeWithEvents(5);
    store.close();
    await tamper(files, 'DELETE FROM audit_events WHERE seq >= 5', 'audit_events_no_delete');
    const reopened = await openTestStore(files);
    reopened.audit.append(event(100));
    await expect(reopened.audit.verify()).resolves.toMatchObject({ ok: false, reason: 'truncated', headSeq: 6 });
  });

  it('reports a sequence gap when a middle row is deleted', async () => {
    const { store, files } = await storeWithEvents(5);
    await tamper(files, 'DELETE FROM audit_events WHERE seq = 3', 'audit_events_no_delete');
    await expect(store.audit.verify()).resolves.toMatchObject({ ok: false, reason: 'sequence_gap', brokenAt: 3 });
  });

  it('reports head_missing when the head file is deleted, and does not quietly recreate it', async () => {
    const { store, files } = await storeWithEvents(2);
    store.close();
    fs.rmSync(auditHeadPath(files.dbPath));
    const reopened = await openTestStore(files);
    await expect(reopened.audit.verify()).resolves.toMatchObject({ ok: false, reason: 'head_missing', headSeq: null });
    expect(fs.existsSync(auditHeadPath(files.dbPath))).toBe(false);
  });

  it('reports head_invalid when the head file is edited', async () => {
    const { store, files } = await storeWithEvents(2);
    const headPath = auditHeadPath(files.dbPath);
    const head = JSON.parse(fs.readFileSync(headPath, 'utf8')) as { seq: number };
    fs.writeFileSync(headPath, JSON.stringify({ ...head, seq: 1 }));
    await expect(store.audit.verify()).resolves.toMatchObject({ ok: false, reason: 'head_invalid' });
    fs.writeFileSync(headPath, 'not json');
    await expect(store.audit.verify()).resolves.toMatchObject({ ok: false, reason: 'head_invalid' });
  });

  it('accepts valid rows past the head (a crash before the head write) and advances the head', async () => {
    const { store, files } = await storeWithEvents(2);
    const headPath = auditHeadPath(files.dbPath);
    const stale = fs.readFileSync(headPath);
    store.audit.append(event(50));
    store.audit.append(event(51));
    fs.writeFileSync(headPath, stale);
    await expect(store.audit.verify()).resolves.toEqual({
      ok: true,
      checked: 5,
      headSeq: 5,
      brokenAt: null,
      reason: 'ok',
    });
    expect(JSON.parse(fs.readFileSync(headPath, 'utf8'))).toMatchObject({ seq: 5 });
  });

  it('writes an event appended inside a transaction only if the transaction commits', async () => {
    const { store } = await storeWithEvents(0);
    expect(() =>
      store.transaction(() => {
        store.audit.append(event(1));
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(store.audit.count()).toBe(1);
    store.transaction(() => store.audit.append(event(2)));
    expect(store.audit.count()).toBe(2);
    await expect(store.audit.verify()).resolves.toMatchObject({ ok: true, headSeq: 2 });
  });

  it('reports progress about every 500 rows', async () => {
    const { store } = await storeWithEvents(1199);
    const calls: Array<[number, number]> = [];
    await store.audit.verify({ onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ]);
  });

  it('stops with JOB_CANCELLED when its AbortSignal fires', async () => {
    const { store } = await storeWithEvents(1199);
    const controller = new AbortController();
    const progress: number[] = [];
    await expect(
      store.audit.verify({
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(progress).toEqual([500]);
  });

  it('does not start when the signal is already aborted', async () => {
    const { store } = await storeWithEvents(0);
    await expect(store.audit.verify({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
  });

  it('refuses details that cannot round-trip through JSON', async () => {
    const { store } = await storeWithEvents(0);
    expect(thrownBy(() => store.audit.append({ ...event(0), details: { n: Number.NaN } }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
