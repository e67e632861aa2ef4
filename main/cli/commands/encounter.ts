import { z } from 'zod';
import { PatientInput } from '../../../common/domain';
import { AppError } from '../../../common/errors';
import { readStdin, table } from '../io';
import { UsageError, withRuntime, type CliContext } from '../context';

const CreateInput = z.strictObject({
  name: PatientInput.shape.name,
  dob: PatientInput.shape.dob,
  mrn: PatientInput.shape.mrn,
  reason: z.string().trim().max(500).default(''),
});

/** Patient details arrive as JSON on standard input so PHI never sits in `ps` output or shell history. */
export const encounterCreate = async (ctx: CliContext): Promise<void> => {
  const raw = await readStdin(ctx.stdin);
  if (!raw.trim()) throw new UsageError('Pipe the patient as JSON on standard input: {"name","dob","mrn","reason"?}.');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Standard input is not valid JSON.');
  }
  const parsed = CreateInput.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
    throw new AppError('VALIDATION_FAILED', `Invalid patient details: ${fields}.`);
  }
  const { reason, ...patient } = parsed.data;
  await withRuntime(ctx, true, (rt) => {
    const actor = rt.services().store.repos.clinicians.getDefault()?.id ?? null;
    const created = rt.services().encounters.create({ patient, reason }, actor);
    ctx.out.result(created, () => `Created encounter ${created.id}`);
  });
};

export const encounterList = (ctx: CliContext, args: { query: string; limit: number }): Promise<void> =>
  withRuntime(ctx, true, (rt) => {
    const page = rt.services().encounters.list({ query: args.query, limit: args.limit, offset: 0 });
    ctx.out.result(page, () =>
      page.items.length === 0
        ? 'No encounters.'
        : table([
            ['ID', 'CREATED', 'PATIENT', 'MRN', 'STATUS', 'REASON'],
            ...page.items.map((e) => [
              e.id,
              e.createdAt.slice(0, 16).replace('T', ' '),
              e.patient.name,
              e.patient.mrn,
              e.status,
              e.reason,
            ]),
          ]) + `\n${page.items.length} of ${page.total}`,
    );
  });

export const encounterShow = (ctx: CliContext, id: string): Promise<void> => {
  if (!z.uuid().safeParse(id).success) throw new UsageError('encounter show needs an encounter ID (a UUID).');
  return withRuntime(ctx, true, (rt) => {
    const actor = rt.services().store.repos.clinicians.getDefault()?.id ?? null;
    const detail = rt.services().encounters.get(id, actor);
    const { encounter: e } = detail;
    ctx.out.result(detail, () =>
      [
        `Encounter ${e.id} (${e.status})`,
        `Patient: ${e.patient.name}  DOB ${e.patient.dob}  MRN ${e.patient.mrn}`,
        `Reason: ${e.reason || '—'}`,
        `Created: ${e.createdAt}`,
        `Consent: recording ${e.consent.recording ? 'yes' : 'no'}, AI processing ${e.consent.aiProcessing ? 'yes' : 'no'}, learning ${e.consent.learning ? 'yes' : 'no'}`,
        `Transcript segments: ${detail.segments.length}`,
        `Note versions: ${detail.notes.length}`,
      ].join('\n'),
    );
  });
};
