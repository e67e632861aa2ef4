/**
 * The built-in note templates. They are data (the JSON files beside this one), parsed with the same
 * schema a clinic's own template would be, so a malformed file fails loudly at load, not mid-note.
 */
import { AppError } from '../../../common/errors';
import { NoteTemplate } from '../note-types';
import historyAndPhysical from './history-and-physical.json';
import progress from './progress.json';
import soap from './soap.json';

export const TEMPLATE_IDS = ['soap', 'history-and-physical', 'progress'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const RAW: Record<TemplateId, unknown> = {
  soap,
  'history-and-physical': historyAndPhysical,
  progress,
};

const cache = new Map<string, NoteTemplate>();

/** Validates a template (built-in or clinic-defined); section ids must be unique. */
export const parseTemplate = (value: unknown): NoteTemplate => {
  const parsed = NoteTemplate.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'The note template is not valid.');
  const ids = new Set(parsed.data.sections.map((s) => s.id));
  if (ids.size !== parsed.data.sections.length)
    throw new AppError('VALIDATION_FAILED', 'The note template repeats a section id.');
  return parsed.data;
};

export const isTemplateId = (id: string): id is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(id);

export const loadTemplate = (id: string): NoteTemplate => {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!isTemplateId(id)) throw new AppError('NOT_FOUND', 'No note template with that id.');
  const template = parseTemplate(RAW[id]);
  cache.set(id, template);
  return template;
};
