import { useCallback, useEffect } from 'react';
import { hasStaleEvidence } from '../lib/evidence';
import type { Highlight } from '../lib/highlight';
import { useDraft } from '../lib/use-draft';
import { useNoteStream } from '../lib/use-note-stream';
import { usePipeline } from '../lib/use-pipeline';
import { CopyButton } from './copy-button';
import { ExportFhirButton } from './export-fhir-button';
import { DraftNote } from './draft-note';
import { ErrorAlert } from './error-alert';
import { FindingsPanel } from './findings-panel';
import { PipelineControls } from './pipeline-controls';

type Props = {
  encounterId: string;
  segmentIds: ReadonlySet<string>;
  locked: boolean;
  highlight: Highlight;
  /** Reloads the encounter (note versions) after a new draft is stored. */
  onDrafted: () => Promise<void>;
};

/** The draft note card (with the "Draft note" job) and the findings card beside the transcript. */
export const DraftPanel = ({ encounterId, segmentIds, locked, highlight, onDrafted }: Props) => {
  const { draft, error, reload } = useDraft(encounterId);
  const afterRun = useCallback(async () => {
    highlight.clear();
    await Promise.all([reload(), onDrafted()]);
  }, [highlight, reload, onDrafted]);
  const pipeline = usePipeline(encounterId, afterRun);
  const streamed = useNoteStream(encounterId, pipeline.state.phase === 'running');
  const { reset } = pipeline;
  // A new transcript makes the last run's outcome old news.
  const transcriptKey = [...segmentIds].join(',');
  useEffect(() => {
    reset();
  }, [transcriptKey, reset]);
  const note = draft?.note ?? null;
  const stale = note
    ? note.note.sections.some((section) =>
        section.sentences.some((sentence) => hasStaleEvidence(sentence.evidence, segmentIds)),
      )
    : false;
  const reason = locked ? 'This encounter is signed.' : segmentIds.size === 0 ? 'Add a transcript first.' : null;

  return (
    <>
      <section className="card draft" aria-labelledby="draft-title">
        <div className="card-header">
          <h2 id="draft-title">Draft note</h2>
          {note ? (
            <span className="card-actions">
              <CopyButton text={note.text} />
              <ExportFhirButton encounterId={encounterId} />
            </span>
          ) : null}
        </div>
        <PipelineControls
          state={pipeline.state}
          streamed={streamed}
          canRun={reason === null}
          reason={reason}
          onRun={(template) => {
            void pipeline.run(template);
          }}
          onCancel={() => {
            void pipeline.cancel();
          }}
        />
        <ErrorAlert title="Could not load the draft note." error={error} />
        {note ? (
          <DraftNote note={note} stale={stale} highlight={highlight} />
        ) : draft ? (
          <p className="muted">No draft yet. Import a transcript, then choose Draft note.</p>
        ) : error ? null : (
          <p className="muted">Loading the draft…</p>
        )}
      </section>
      <section className="card findings-card" aria-labelledby="findings-title">
        <h2 id="findings-title">Findings</h2>
        {draft?.findings && (note || draft.findings.findings.length > 0) ? (
          <FindingsPanel findings={draft.findings} highlight={highlight} />
        ) : (
          <p className="muted">Findings appear here after the note is drafted.</p>
        )}
      </section>
    </>
  );
};
