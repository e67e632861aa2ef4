import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInChecklists, loadChecklistFile, parseChecklist } from '../../../../main/language/checklists/load';

const valid = {
  id: 'mini',
  name: 'Mini',
  description: 'A small checklist.',
  items: [{ id: 'cough', label: 'Cough', description: 'Any cough.', triggers: ['hacking'], concepts: ['cough'] }],
};

describe('checklist loader', () => {
  it('loads the shipped palliative-care and primary-care checklists', () => {
    const [palliative, primary] = builtInChecklists();
    expect(palliative?.id).toBe('palliative-care-symptoms');
    expect(palliative?.items.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        'pain',
        'fatigue',
        'drowsiness',
        'nausea',
        'appetite-loss',
        'shortness-of-breath',
        'constipation',
        'insomnia',
        'anxiety',
        'depression',
        'confusion',
        'medication-refill',
        'appointment-request',
      ]),
    );
    expect(primary?.items.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        'smoking-status',
        'alcohol-use',
        'allergies-reviewed',
        'medications-reviewed',
        'blood-pressure-measured',
        'follow-up-arranged',
      ]),
    );
  });

  it('fills defaults for mode and concepts', () => {
    const list = parseChecklist({ ...valid, items: [{ id: 'x', label: 'X', description: 'x', triggers: ['x'] }] });
    expect(list.items[0]).toMatchObject({ mode: 'assertion', concepts: [] });
    expect(list.version).toBe(1);
  });

  it.each([
    [{ ...valid, name: undefined }, /Invalid checklist at name/],
    [{ ...valid, items: [] }, /at least one item/],
    [{ ...valid, items: [valid.items[0], valid.items[0]] }, /duplicate item id "cough"/],
    [{ ...valid, items: [{ ...valid.items[0], triggers: [], concepts: [] }] }, /has no triggers and no concepts/],
    [{ ...valid, items: [{ ...valid.items[0], id: 'Has Spaces' }] }, /items\.0\.id/],
    [{ ...valid, items: [{ ...valid.items[0], mode: 'sometimes' }] }, /items\.0\.mode/],
    [{ ...valid, extra: true }, /Invalid checklist/],
    [
      { ...valid, items: [{ ...valid.items[0], concepts: ['dragon pox'] }] },
      /concept "dragon pox", which the problems lexicon does not know/,
    ],
  ])('refuses a malformed checklist with a clear error (%#)', (raw, message) => {
    expect(() => parseChecklist(raw)).toThrow(message);
  });

  describe('from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qc-checklist-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('reads a valid file', () => {
      const path = join(dir, 'ok.json');
      writeFileSync(path, JSON.stringify(valid));
      expect(loadChecklistFile(path).id).toBe('mini');
    });

    it('refuses a file that is not JSON, without echoing its path', () => {
      const path = join(dir, 'bad.json');
      writeFileSync(path, '{ "id": ');
      expect(() => loadChecklistFile(path)).toThrow('The checklist file is not valid JSON.');
    });

    it('reports a missing file as not found', () => {
      expect(() => loadChecklistFile(join(dir, 'missing.json'))).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }) as Error,
      );
    });
  });
});
