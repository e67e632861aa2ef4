/**
 * A signed or draft note as a FHIR R4 document Bundle: the Composition first (one section per note
 * section, its text as narrative, entries pointing at the findings shown under it), then the Patient,
 * the author, and one resource per finding the clinician did not reject: Condition, AllergyIntolerance,
 * MedicationStatement, and vital-sign Observations with LOINC codes. The Composition's tag records the
 * model that drafted the note.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../common/errors';
import type { Finding } from '../../../common/findings';
import type { Note, NoteContent } from '../../notes/note-types';
import { loadTemplate } from '../../notes/templates';
import { allergyOf, conditionOf, medicationOf, vitalOf, type FhirResource, type Refs } from './finding-resources';
import { narrative } from './narrative';
import { LOINC } from './vital-codes';

export type BundleInput = {
  note: { id: string; status: string; template: string; createdAt: string; modelVersion: string | null; body: Note };
  patient: { name: string; dob: string; mrn: string };
  author: { displayName: string } | null;
  findings: readonly Finding[];
  now: string;
};

const DOCUMENT_TYPE: Record<string, { code: string; display: string }> = {
  soap: { code: '11506-3', display: 'Progress note' },
  progress: { code: '11506-3', display: 'Progress note' },
  'history-and-physical': { code: '34117-2', display: 'History and physical note' },
};

/** Where a finding appears in the note's template, by the kind of content it is. */
const CONTENT_OF: Record<Finding['kind'], NoteContent | null> = {
  problem: 'hpi',
  medication: 'medications',
  allergy: 'allergies',
  vital: 'vitals',
  result: null,
  plan: null,
  social: null,
};

const urn = (id: string): string => `urn:uuid:${id}`;

const resourceOf = (finding: Finding, id: string, refs: Refs): FhirResource | null => {
  switch (finding.kind) {
    case 'problem':
      return conditionOf(finding, id, refs);
    case 'allergy':
      return allergyOf(finding, id, refs);
    case 'medication':
      return medicationOf(finding, id, refs);
    case 'vital':
      return vitalOf(finding, id, refs);
    // Results, plan items and social history are in the note's text; they get no resource of their own yet.
    case 'result':
    case 'plan':
    case 'social':
      return null;
  }
};

export const noteBundle = (input: BundleInput): Record<string, unknown> => {
  const sections = input.note.body.sections.filter((s) => s.sentences.length > 0);
  if (sections.length === 0) throw new AppError('VALIDATION_FAILED', 'This note is empty: there is nothing to export.');
  const patientId = randomUUID();
  const authorId = randomUUID();
  const refs: Refs = { patient: urn(patientId), encounterDate: input.note.createdAt };
  const template = loadTemplate(input.note.template);

  const byContent = new Map<NoteContent, string[]>();
  const findingResources: FhirResource[] = [];
  for (const finding of input.findings) {
    const resource = resourceOf(finding, randomUUID(), refs);
    if (!resource) continue;
    findingResources.push(resource);
    const content = CONTENT_OF[finding.kind];
    if (content) byContent.set(content, [...(byContent.get(content) ?? []), urn(resource.id)]);
  }
  const entriesFor = (sectionId: string): string[] =>
    template.sections.find((t) => t.id === sectionId)?.content.flatMap((c) => byContent.get(c) ?? []) ?? [];

  const composition: FhirResource = {
    resourceType: 'Composition',
    id: randomUUID(),
    meta: { tag: [{ system: 'urn:quietchart:drafted-by', code: input.note.modelVersion ?? 'unknown' }] },
    status: input.note.status === 'signed' ? 'final' : 'preliminary',
    type: { coding: [{ system: LOINC, ...(DOCUMENT_TYPE[input.note.template] ?? DOCUMENT_TYPE.progress) }] },
    subject: { reference: refs.patient },
    date: input.note.createdAt,
    author: [input.author ? { reference: urn(authorId) } : { display: 'Quietchart draft' }],
    title: template.name,
    section: sections.map((section) => {
      const entries = entriesFor(section.id);
      return {
        title: section.header,
        text: narrative(section.sentences.map((s) => s.text)),
        ...(entries.length > 0 ? { entry: entries.map((reference) => ({ reference })) } : {}),
      };
    }),
  };
  const patient: FhirResource = {
    resourceType: 'Patient',
    id: patientId,
    identifier: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        value: input.patient.mrn,
      },
    ],
    name: [{ text: input.patient.name }],
    birthDate: input.patient.dob,
  };
  const author: FhirResource[] = input.author
    ? [{ resourceType: 'Practitioner', id: authorId, name: [{ text: input.author.displayName }] }]
    : [];
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    identifier: { system: 'urn:ietf:rfc:3986', value: urn(input.note.id) },
    type: 'document',
    timestamp: input.now,
    entry: [composition, patient, ...author, ...findingResources].map((resource) => ({
      fullUrl: urn(resource.id),
      resource,
    })),
  };
};
