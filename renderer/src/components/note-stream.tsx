import type { StreamedSection } from '../lib/use-note-stream';

/** The on-device model's words as they come; read-only, replaced by the stored draft when it is done. */
export const NoteStream = ({ sections }: { sections: readonly StreamedSection[] }) =>
  sections.length === 0 ? null : (
    <div className="note-stream" aria-label="Draft being written">
      {sections.map((s) => (
        <section key={s.sectionId} className="note-stream-section" aria-busy={!s.done}>
          <h3 className="note-header">{s.header}</h3>
          <p className="note-stream-text">{s.text || '…'}</p>
        </section>
      ))}
    </div>
  );
