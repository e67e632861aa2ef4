import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../main/services/runtime';
import { channelsOf } from '../../helpers/channels';
import { fhirValidator } from '../../helpers/fhir-schema';
import { openTempRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';

/** The latest note of a visit as a FHIR R4 document Bundle, validated against the R4 JSON Schema. */
const VISIT = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/transcripts/visit-aci.txt'), 'utf8');
const PLANTED = [
  '[doctor] any chest pain or shortness of breath ?',
  '[patient] no chest pain . i might have a little asthma .',
  '[doctor] your blood pressure is 128 over 82 , heart rate 72 , temperature 98.6 .',
  '[patient] i take lisinopril 10 mg daily . no known allergies .',
].join('\n');

type Entry = { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } };
type Bundle = { resourceType: string; type: string; entry: Entry[] };

describe('FHIR R4 export', () => {
  let rt: Runtime;
  let channels: ReturnType<typeof channelsOf>;
  let encounterId: string;
  beforeEach(async () => {
    rt = await openTempRuntime();
    channels = channelsOf(rt);
    rt.services().store.repos.clinicians.create({ displayName: 'Dr. Fay Synthetic', credentials: 'MD' });
    encounterId = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Follow-up' }, null).id;
  });
  afterEach(async () => {
    await rt.close();
  });

  const exportBundle = async (text: string): Promise<Bundle> => {
    expect((await channels.call('transcript:import', { encounterId, text, source: 'paste' })).ok).toBe(true);
    expect(await channels.finished('pipeline:run', { encounterId, writer: 'composer' })).toMatchObject({
      outcome: 'succeeded',
    });
    const exported = await channels.call('note:exportFhir', { encounterId });
    expect(exported.ok).toBe(true);
    return JSON.parse((exported as { value: { json: string } }).value.json) as Bundle;
  };

  it('is a valid R4 document Bundle with the Composition first and every finding resource', async () => {
    const bundle = await exportBundle(VISIT);
    const validate = fhirValidator('Bundle');
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(bundle.type).toBe('document');
    // The validator is not a rubber stamp: a wrong code or a malformed date fails it.
    expect(validate({ ...bundle, type: 'letter' })).toBe(false);
    expect(validate({ ...bundle, timestamp: '29/11/2026' })).toBe(false);
    expect(bundle.entry[0]?.resource.resourceType).toBe('Composition');
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    expect(types).toContain('Patient');
    expect(types).toContain('Practitioner');
    // Every reference inside the bundle resolves to an entry.
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    const references = JSON.stringify(bundle).match(/"reference":"(urn:uuid:[^"]+)"/g) ?? [];
    expect(references.length).toBeGreaterThan(0);
    for (const r of references) expect(urls).toContain(r.slice('"reference":"'.length, -1));
    expect((await rt.services().store.audit.verify({})).ok).toBe(true);
  });

  it('marks denied problems refuted, codes vitals with LOINC and UCUM, and exports no known allergies', async () => {
    const bundle = await exportBundle(PLANTED);
    const validate = fhirValidator('Bundle');
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const of = (type: string) => bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
    const conditions = of('Condition') as unknown as Array<{
      code: { text: string };
      verificationStatus: unknown;
      clinicalStatus?: unknown;
    }>;
    const chestPain = conditions.find((c) => c.code.text === 'chest pain');
    expect(chestPain?.verificationStatus).toMatchObject({ coding: [{ code: 'refuted' }] });
    expect(chestPain?.clinicalStatus).toBeUndefined();
    const asthma = conditions.find((c) => c.code.text === 'asthma');
    expect(asthma?.verificationStatus).toMatchObject({ coding: [{ code: 'provisional' }] });
    const observations = JSON.stringify(of('Observation'));
    for (const loinc of ['85354-9', '8480-6', '8462-4', '8867-4', '8310-5']) expect(observations).toContain(loinc);
    expect(observations).toContain('"code":"mm[Hg]"');
    expect(JSON.stringify(of('AllergyIntolerance'))).toContain('716186003');
    expect(JSON.stringify(of('MedicationStatement'))).toContain('lisinopril');
  });

  it('refuses an encounter without a note, and an empty note, with a clear error', async () => {
    expect(await channels.call('note:exportFhir', { encounterId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('no note') as unknown },
    });
    rt.services().store.repos.notes.createVersion({
      encounterId,
      template: 'soap',
      body: { note: { templateId: 'soap', sections: [] }, text: '', flags: [] },
      status: 'draft',
      modelVersion: 'composer/1',
      adapterVersion: null,
    });
    expect(await channels.call('note:exportFhir', { encounterId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('empty') as unknown },
    });
  });
});
