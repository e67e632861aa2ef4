import { createHmac } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AuditVerifyReport } from '../../common/domain';
import { AppError } from '../../common/errors';
import { createLogger } from '../log/logger';
import { macsEqual, readHead, writeHead } from './audit-head';
import { canonicalJson } from './canonical-json';
import type { Db } from './connection';
import type { AuditEventsRepository, ChainLink, StoredAuditEvent } from './repositories/audit-events';
import { nowIso } from './repositories/shared';
import type { AuditEvent, AuditRow } from './types';

export const GENESIS_MAC = '0'.repeat(64);
const VERIFY_BATCH = 500;

export type AuditVerifyOptions = { onProgress?: (done: number, total: number) => void; signal?: AbortSignal };

export type AuditLog = {
  /** Appends inside the caller's transaction when there is one (the head is written after commit). */
  append(event: AuditEvent): AuditRow;
  verify(options?: AuditVerifyOptions): Promise<AuditVerifyReport>;
  count(): number;
  /** Writes the head for committed rows; the store calls it after each outermost transaction. */
  flushHead(): void;
};

type MacInput = Pick<StoredAuditEvent, 'seq' | 'at' | 'action' | 'actorId' | 'entityType' | 'entityId' | 'details'>;

/** mac = HMAC(auditKey, prevMac || canonical JSON of the event). */
export const computeAuditMac = (key: Buffer, prevMac: string, e: MacInput): string =>
  createHmac('sha256', key)
    .update(prevMac, 'ascii')
    .update(
      canonicalJson({
        seq: e.seq,
        at: e.at,
        action: e.action,
        actorId: e.actorId,
        entityType: e.entityType,
        entityId: e.entityId,
        details: e.details,
      }),
      'utf8',
    )
    .digest('hex');

const assertDetails = (details: AuditEvent['details']): void => {
  for (const value of Object.values(details)) {
    // Non-finite numbers have no JSON form: the stored row would not verify.
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new AppError('VALIDATION_FAILED', 'Audit details must be finite numbers, strings, booleans or null.');
    }
  }
};

const report = (r: Omit<AuditVerifyReport, 'ok'>): AuditVerifyReport => ({ ok: r.reason === 'ok', ...r });

export const createAuditLog = (options: {
  db: Db;
  events: AuditEventsRepository;
  auditKey: Buffer;
  headPath: string;
}): AuditLog => {
  const { db, events, auditKey, headPath } = options;
  const log = createLogger('store.audit');

  // The head only ever moves forward along the chain it already vouches for. A missing or altered
  // head, or rows gone from under it, freeze it: rewriting it would erase the evidence.
  const initial = readHead(headPath, auditKey);
  let head: ChainLink | null = initial.state === 'valid' ? initial.head : null;
  let frozen = initial.state === 'invalid' || (initial.state === 'missing' && events.count() > 0);
  let dirty = false;
  if (frozen) log.warn('audit.head_untrusted', { state: initial.state });

  const flushHead = (): void => {
    if (db.inTransaction) return;
    dirty = false;
    if (frozen) return;
    const tail = events.last();
    if (!tail || (head && tail.seq === head.seq && tail.mac === head.mac)) return;
    if (head) {
      const anchor = events.linkAt(head.seq);
      if (!anchor || anchor.mac !== head.mac || tail.seq < head.seq) {
        frozen = true;
        log.warn('audit.head_diverged', { headSeq: head.seq, tailSeq: tail.seq });
        return;
      }
    }
    writeHead(headPath, auditKey, tail);
    head = tail;
  };

  const insertNext = (event: AuditEvent): AuditRow => {
    const prev = events.last();
    const prevMac = prev?.mac ?? GENESIS_MAC;
    const base = { ...event, details: { ...event.details }, seq: (prev?.seq ?? 0) + 1, at: nowIso() };
    const row: AuditRow = { ...base, prevMac, mac: computeAuditMac(auditKey, prevMac, base) };
    events.insert(row);
    return row;
  };

  const verify = async ({ onProgress, signal }: AuditVerifyOptions = {}): Promise<AuditVerifyReport> => {
    const cancelled = (): AppError => new AppError('JOB_CANCELLED', 'Audit verification was cancelled.');
    if (signal?.aborted) throw cancelled();
    const headState = readHead(headPath, auditKey);
    const fileHead = headState.state === 'valid' ? headState.head : null;
    const headSeq = fileHead?.seq ?? null;
    const total = events.count();
    let prevMac = GENESIS_MAC;
    let lastSeq = 0;
    let checked = 0;
    for (;;) {
      const batch = events.page(lastSeq, VERIFY_BATCH);
      if (batch.length === 0) break;
      for (const row of batch) {
        if (row.seq !== lastSeq + 1) return report({ checked, headSeq, brokenAt: lastSeq + 1, reason: 'sequence_gap' });
        const expected = computeAuditMac(auditKey, prevMac, row);
        if (row.prevMac !== prevMac || !macsEqual(expected, row.mac)) {
          return report({ checked, headSeq, brokenAt: row.seq, reason: 'mac_mismatch' });
        }
        // A genuine row that is not the one the head vouches for: history was cut and written again.
        if (fileHead && row.seq === fileHead.seq && !macsEqual(row.mac, fileHead.mac)) {
          return report({ checked, headSeq, brokenAt: row.seq, reason: 'truncated' });
        }
        prevMac = row.mac;
        lastSeq = row.seq;
        checked += 1;
      }
      onProgress?.(checked, Math.max(total, checked));
      // Yield so the UI stays responsive and a cancel can land between batches.
      await yieldToEventLoop();
      if (signal?.aborted) throw cancelled();
    }
    switch (headState.state) {
      case 'invalid':
        return report({ checked, headSeq, brokenAt: null, reason: 'head_invalid' });
      case 'missing':
        return report({ checked, headSeq, brokenAt: null, reason: checked === 0 ? 'ok' : 'head_missing' });
      case 'valid':
        if (lastSeq < headState.head.seq)
          return report({ checked, headSeq, brokenAt: lastSeq + 1, reason: 'truncated' });
        // Rows past the head: committed before a crash stopped the head write. The chain proves them.
        if (lastSeq > headState.head.seq) {
          head = headState.head;
          frozen = false;
          flushHead();
        }
        return report({ checked, headSeq: head?.seq ?? headSeq, brokenAt: null, reason: 'ok' });
    }
  };

  return {
    append(event) {
      assertDetails(event.details);
      if (db.inTransaction) {
        dirty = true;
        return insertNext(event);
      }
      // IMMEDIATE: take the write lock before reading the tail, so two writers cannot fork the chain.
      const row = db.transaction(() => insertNext(event)).immediate();
      flushHead();
      return row;
    },
    verify,
    count: () => events.count(),
    flushHead() {
      if (dirty) flushHead();
    },
  };
};
