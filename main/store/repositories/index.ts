import type { Db } from '../connection';
import { createCliniciansRepository, type CliniciansRepository } from './clinicians';
import { createEncountersRepository, type EncountersRepository } from './encounters';
import { createFindingsRepository, type FindingsRepository } from './findings';
import { createNotesRepository, type NotesRepository } from './notes';
import { createPatientsRepository, type PatientsRepository } from './patients';
import { createRecordingsRepository, type RecordingsRepository } from './recordings';
import { createSegmentsRepository, type SegmentsRepository } from './segments';
import { createTrainingExamplesRepository, type TrainingExamplesRepository } from './training-examples';

export type Repositories = {
  clinicians: CliniciansRepository;
  patients: PatientsRepository;
  encounters: EncountersRepository;
  recordings: RecordingsRepository;
  segments: SegmentsRepository;
  findings: FindingsRepository;
  notes: NotesRepository;
  trainingExamples: TrainingExamplesRepository;
};

/** Statements are prepared against the current schema: call after migrating. */
export const createRepositories = (db: Db): Repositories => ({
  clinicians: createCliniciansRepository(db),
  patients: createPatientsRepository(db),
  encounters: createEncountersRepository(db),
  recordings: createRecordingsRepository(db),
  segments: createSegmentsRepository(db),
  findings: createFindingsRepository(db),
  notes: createNotesRepository(db),
  trainingExamples: createTrainingExamplesRepository(db),
});

export type { CliniciansRepository } from './clinicians';
export type { EncounterListQuery, EncountersRepository } from './encounters';
export type { FindingsRepository } from './findings';
export type { NotesRepository } from './notes';
export type { PatientsRepository } from './patients';
export type { ChunkMeta, NewRecording, RecordingsRepository } from './recordings';
export type { SegmentsRepository } from './segments';
export type { TrainingExamplesRepository } from './training-examples';
