/**
 * The note composer: transcript segments + findings → a draft note in the template's sections,
 * written in third-person clinical style, every sentence linked to the transcript spans it came from.
 * Linear in the transcript: one pass to split and clean, one to route, one per section builder.
 */
import type { ComposeInput, Note, NoteContent, NoteSection, NoteSentence, NoteTemplate } from '../note-types';
import { NOTE_CONTENT } from '../note-types';
import { addPlanFindings, buildAssessmentPlan, PLAN_DEFAULTS } from './assessment-plan';
import type { PlanSettings } from './assessment-plan';
import { buildChiefComplaint } from './chief-complaint';
import type { ComposeContext } from './context';
import type { Draft } from './draft';
import { buildExam, buildVitals, EXAM_DEFAULTS } from './exam';
import type { ExamSettings } from './exam';
import {
  buildAllergies,
  buildFamilyHistory,
  buildMedications,
  buildPastHistory,
  buildSocial,
} from './history-findings';
import { buildHpi, HPI_DEFAULTS } from './hpi';
import type { HpiSettings } from './hpi';
import { layoutExam, layoutPlan } from './layout';
import { readProfile } from './profile';
import { questionAnswers } from './qa';
import { buildResults, RESULT_DEFAULTS } from './results';
import type { ResultSettings } from './results';
import { buildRos } from './ros';
import { route } from './route';
import { selectDrafts, SelectorModel } from './selector';
import selectorWeights from './selector-weights.json';
import { toUnits, withoutVocative } from './units';

export type ComposerSettings = {
  hpi: HpiSettings;
  exam: ExamSettings;
  results: ResultSettings;
  plan: PlanSettings;
  /** null keeps every candidate sentence. */
  selector: SelectorModel | null;
  /** Overrides the selector's own threshold. */
  threshold?: number;
  layout: { examSystems: boolean; planParts: boolean; planFindings: boolean };
};

export const DEFAULT_SELECTOR: SelectorModel = SelectorModel.parse(selectorWeights);

export const COMPOSER_DEFAULTS: ComposerSettings = {
  hpi: HPI_DEFAULTS,
  exam: EXAM_DEFAULTS,
  results: RESULT_DEFAULTS,
  plan: PLAN_DEFAULTS,
  selector: DEFAULT_SELECTOR,
  layout: { examSystems: true, planParts: true, planFindings: true },
};

export const buildContext = (input: ComposeInput): ComposeContext => {
  const spoken = toUnits(input.segments);
  const profile = readProfile(spoken);
  const names = profile.name === null ? [] : [profile.name, ...profile.name.split(' ')].filter((n) => n.length > 1);
  const units = withoutVocative(spoken, names);
  const routed = route(units, profile.intro?.index ?? null, input.sections);
  const qa = questionAnswers(routed, profile.pronouns);
  return { units, routed, profile, qa, findings: input.findings, casing: { names } };
};

export type NoteContentDrafts = Record<NoteContent, Draft[]>;

/** Every candidate sentence per kind of content, before selection. */
export const buildContent = (ctx: ComposeContext, settings: ComposerSettings): NoteContentDrafts => {
  const assessmentPlan = buildAssessmentPlan(ctx, settings.plan);
  const firstProblem = assessmentPlan.find((d) => d.style === 'heading') ?? null;
  return {
    'chief-complaint': buildChiefComplaint(ctx, firstProblem),
    hpi: buildHpi(ctx, settings.hpi),
    'past-history': buildPastHistory(ctx),
    medications: buildMedications(ctx),
    allergies: buildAllergies(ctx),
    'social-history': buildSocial(ctx),
    'family-history': buildFamilyHistory(ctx),
    ros: buildRos(ctx),
    vitals: buildVitals(ctx),
    exam: buildExam(ctx, settings.exam),
    results: buildResults(ctx, settings.results),
    'assessment-plan': assessmentPlan,
  };
};

/** Content blocks in template order; a new paragraph wherever the block or its group changes. */
const toSentences = (blocks: readonly Draft[][]): NoteSentence[] => {
  const out: NoteSentence[] = [];
  let paragraph = -1;
  for (const block of blocks) {
    let group: number | null = null;
    for (const d of block) {
      if (d.group !== group || d.style === 'heading') {
        paragraph += 1;
        group = d.group;
      }
      out.push({ text: d.text, evidence: d.evidence, paragraph, style: d.style });
    }
  }
  return out;
};

/** Lays the drafts out in the template's sections; a section with nothing to say is left out. */
export const assembleNote = (template: NoteTemplate, content: NoteContentDrafts): Note => {
  const sections: NoteSection[] = [];
  for (const section of template.sections) {
    const sentences = toSentences(section.content.map((c) => content[c]));
    if (sentences.length > 0) sections.push({ id: section.id, header: section.header, sentences });
  }
  return { templateId: template.id, sections };
};

export const selectContent = (
  content: NoteContentDrafts,
  settings: ComposerSettings,
  unitCount: number,
): NoteContentDrafts => {
  const out = { ...content };
  for (const key of NOTE_CONTENT)
    out[key] = selectDrafts(content[key], settings.selector, unitCount, settings.threshold);
  return out;
};

/** Labels and grouping on what was kept. */
export const layoutContent = (
  content: NoteContentDrafts,
  settings: ComposerSettings,
  ctx: ComposeContext,
): NoteContentDrafts => {
  const plan = settings.layout.planFindings
    ? addPlanFindings(content['assessment-plan'], ctx)
    : content['assessment-plan'];
  return {
    ...content,
    exam: settings.layout.examSystems ? layoutExam(content.exam) : content.exam,
    'assessment-plan': settings.layout.planParts ? layoutPlan(plan) : plan,
  };
};

export const composeNote = (input: ComposeInput, settings: ComposerSettings = COMPOSER_DEFAULTS): Note => {
  const ctx = buildContext(input);
  const content = selectContent(buildContent(ctx, settings), settings, ctx.units.length);
  return assembleNote(input.template, layoutContent(content, settings, ctx));
};
