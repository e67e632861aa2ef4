import type { Consent } from '../../../common/domain';
import type { Db, Statement } from '../connection';
import type { EncounterRow, EncounterWithPatient } from '../types';
import { fromFlag, newId, notFound, nowIso, toFlag } from './shared';
import { toMatchTerms } from './search-query';

type Raw = {
  id: string;
  patient_id: string;
  reason: string;
  created_at: string;
  status: EncounterRow['status'];
  consent_recording: number;
  consent_ai: number;
  consent_learning: number;
};
type JoinedRaw = Raw & { p_name: string; p_dob: string; p_mrn: string; p_created_at: string };

const SELECT_JOINED = `
  SELECT e.id, e.patient_id, e.reason, e.created_at, e.status, e.consent_recording, e.consent_ai, e.consent_learning,
         p.name AS p_name, p.dob AS p_dob, p.mrn AS p_mrn, p.created_at AS p_created_at
  FROM encounters e JOIN patients p ON p.id = e.patient_id`;
// rowid breaks ties between encounters created within the same millisecond.
const NEWEST_FIRST = 'ORDER BY e.created_at DESC, e.rowid DESC';

const toRow = (r: Raw): EncounterRow => ({
  id: r.id,
  patientId: r.patient_id,
  reason: r.reason,
  createdAt: r.created_at,
  status: r.status,
  consent: {
    recording: fromFlag(r.consent_recording),
    aiProcessing: fromFlag(r.consent_ai),
    learning: fromFlag(r.consent_learning),
  },
});
const toJoined = (r: JoinedRaw): EncounterWithPatient => ({
  ...toRow(r),
  patient: { id: r.patient_id, name: r.p_name, dob: r.p_dob, mrn: r.p_mrn, createdAt: r.p_created_at },
});

/** Encounter ids matching every term, each term anywhere in the encounter (name, MRN, reason, transcript). */
const hitsSql = (terms: number): string =>
  Array.from({ length: terms }, () => 'SELECT encounter_id FROM search_index WHERE search_index MATCH ?').join(
    ' INTERSECT ',
  );

export type EncounterListQuery = { query: string; limit: number; offset: number };
export type EncountersRepository = {
  create(input: { patientId: string; reason: string }): EncounterRow;
  get(id: string): EncounterWithPatient | null;
  /** Newest first; an empty query lists everything. */
  list(query: EncounterListQuery): { items: EncounterWithPatient[]; total: number };
  setConsent(id: string, consent: Consent): Consent;
  setStatus(id: string, status: EncounterRow['status']): void;
};

export const createEncountersRepository = (db: Db): EncountersRepository => {
  const insert = db.prepare<[Raw]>(
    `INSERT INTO encounters (id, patient_id, reason, created_at, status, consent_recording, consent_ai, consent_learning)
     VALUES (@id, @patient_id, @reason, @created_at, @status, @consent_recording, @consent_ai, @consent_learning)`,
  );
  const byId = db.prepare<[string], JoinedRaw>(`${SELECT_JOINED} WHERE e.id = ?`);
  const updateConsent = db.prepare<[{ id: string; r: number; a: number; l: number }]>(
    'UPDATE encounters SET consent_recording = @r, consent_ai = @a, consent_learning = @l WHERE id = @id',
  );
  const updateStatus = db.prepare<[string, string]>('UPDATE encounters SET status = ? WHERE id = ?');
  const pageAll = db.prepare<[number, number], JoinedRaw>(`${SELECT_JOINED} ${NEWEST_FIRST} LIMIT ? OFFSET ?`);
  const countAll = db.prepare<[], number>('SELECT count(*) FROM encounters').pluck();

  // One statement pair per number of search terms, prepared on first use.
  type Search = { page: Statement<unknown[], JoinedRaw>; count: Statement<unknown[], number> };
  const searches = new Map<number, Search>();
  const searchFor = (n: number): Search => {
    let entry = searches.get(n);
    if (!entry) {
      entry = {
        page: db.prepare<unknown[], JoinedRaw>(
          `${SELECT_JOINED} WHERE e.id IN (${hitsSql(n)}) ${NEWEST_FIRST} LIMIT ? OFFSET ?`,
        ),
        count: db.prepare<unknown[], number>(`SELECT count(*) FROM encounters e WHERE e.id IN (${hitsSql(n)})`).pluck(),
      };
      searches.set(n, entry);
    }
    return entry;
  };

  return {
    create({ patientId, reason }) {
      const raw: Raw = {
        id: newId(),
        patient_id: patientId,
        reason,
        created_at: nowIso(),
        status: 'open',
        consent_recording: 0,
        consent_ai: 0,
        consent_learning: 0,
      };
      insert.run(raw);
      return toRow(raw);
    },
    get(id) {
      const raw = byId.get(id);
      return raw ? toJoined(raw) : null;
    },
    list({ query, limit, offset }) {
      const safeLimit = Math.max(0, Math.trunc(limit));
      const safeOffset = Math.max(0, Math.trunc(offset));
      const terms = toMatchTerms(query);
      if (terms.length === 0) {
        return { items: pageAll.all(safeLimit, safeOffset).map(toJoined), total: countAll.get() ?? 0 };
      }
      const search = searchFor(terms.length);
      return db.transaction(() => ({
        items: search.page.all(...terms, safeLimit, safeOffset).map(toJoined),
        total: search.count.get(...terms) ?? 0,
      }))();
    },
    setConsent(id, consent) {
      const result = updateConsent.run({
        id,
        r: toFlag(consent.recording),
        a: toFlag(consent.aiProcessing),
        l: toFlag(consent.learning),
      });
      if (result.changes === 0) throw notFound('encounter');
      return { ...consent };
    },
    setStatus(id, status) {
      if (updateStatus.run(status, id).changes === 0) throw notFound('encounter');
    },
  };
};
