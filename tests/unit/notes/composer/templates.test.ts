import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors';
import { NOTE_CONTENT } from '../../../../main/notes/note-types';
import { loadTemplate, parseTemplate, TEMPLATE_IDS } from '../../../../main/notes/templates';

describe('note templates', () => {
  it('loads every built-in template as valid data', () => {
    for (const id of TEMPLATE_IDS) {
      const template = loadTemplate(id);
      expect(template.id).toBe(id);
      expect(template.sections.length).toBeGreaterThan(0);
    }
  });

  it('gives the SOAP note the ACI-Bench headers in order', () => {
    expect(loadTemplate('soap').sections.map((s) => s.header)).toEqual([
      'CHIEF COMPLAINT',
      'HISTORY OF PRESENT ILLNESS',
      'REVIEW OF SYSTEMS',
      'PHYSICAL EXAMINATION',
      'RESULTS',
      'ASSESSMENT AND PLAN',
    ]);
  });

  it('places every kind of content somewhere in each built-in template except where a template leaves it out on purpose', () => {
    const placed = (id: string) => new Set(loadTemplate(id).sections.flatMap((s) => s.content));
    expect([...placed('history-and-physical')].sort()).toEqual([...NOTE_CONTENT].sort());
    expect(NOTE_CONTENT.filter((c) => !placed('soap').has(c))).toEqual([]);
  });

  it('refuses an unknown template id with NOT_FOUND', () => {
    expect(() => loadTemplate('discharge')).toThrow(AppError);
    try {
      loadTemplate('discharge');
    } catch (e) {
      expect((e as AppError).code).toBe('NOT_FOUND');
    }
  });

  it('refuses a malformed clinic template or one that repeats a section id', () => {
    expect(() => parseTemplate({ id: 'x', name: 'X', description: '', sections: [] })).toThrow(/not valid/);
    expect(() =>
      parseTemplate({
        id: 'x',
        name: 'X',
        description: '',
        sections: [
          { id: 'a', header: 'A', content: ['hpi'] },
          { id: 'a', header: 'B', content: ['ros'] },
        ],
      }),
    ).toThrow(/repeats/);
    expect(() =>
      parseTemplate({ id: 'x', name: 'X', description: '', sections: [{ id: 'a', header: 'A', content: ['gossip'] }] }),
    ).toThrow(/not valid/);
  });
});
