import { readFileSync } from 'node:fs';
import { AppError } from '../../../common/errors';
import { problemLexicon, type ProblemLexicon } from '../problems/lexicon';
import palliativeData from './palliative-care.json';
import primaryCareData from './primary-care.json';
import { ChecklistSchema, type Checklist } from './schema';

/**
 * Loads a checklist definition and refuses a malformed one with a message that names the field at fault
 * (never the content of a transcript: a checklist is clinic configuration, not patient data).
 */
export const parseChecklist = (raw: unknown, lexicon: ProblemLexicon = problemLexicon()): Checklist => {
  const parsed = ChecklistSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw new AppError('VALIDATION_FAILED', `Invalid checklist${where}: ${issue?.message ?? 'schema mismatch'}.`);
  }
  for (const item of parsed.data.items) {
    const unknown = item.concepts.find((c) => !lexicon.concepts.has(c));
    if (unknown !== undefined) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Invalid checklist: item "${item.id}" names concept "${unknown}", which the problems lexicon does not know.`,
      );
    }
  }
  return parsed.data;
};

/** Reads and validates a checklist JSON file. */
export const loadChecklistFile = (path: string, lexicon?: ProblemLexicon): Checklist => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError('NOT_FOUND', 'The checklist file could not be read.', { cause });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new AppError('VALIDATION_FAILED', 'The checklist file is not valid JSON.', { cause });
  }
  return parseChecklist(raw, lexicon);
};

/** The checklists shipped with the app: palliative care symptoms and a general primary-care visit. */
let defaults: readonly Checklist[] | undefined;

/** The shipped checklists; parsed once for the default lexicon so their compiled indexes are reused. */
export const builtInChecklists = (lexicon?: ProblemLexicon): readonly Checklist[] => {
  if (lexicon) return [parseChecklist(palliativeData, lexicon), parseChecklist(primaryCareData, lexicon)];
  defaults ??= [parseChecklist(palliativeData), parseChecklist(primaryCareData)];
  return defaults;
};
