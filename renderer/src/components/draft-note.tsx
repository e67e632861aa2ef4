import type { ResponseOf } from '../../../common/contract';
import type { Highlight } from '../lib/highlight';
import { formatTimestamp } from '../lib/format';
import { ConsistencyFlags } from './consistency-flags';
import { NoteSectionView } from './note-section';

export type LatestNote = NonNullable<ResponseOf<'note:latest'>>;

const STATUS = { draft: 'Draft', edited: 'Edited', signed: 'Signed' } as const;

type Props = { note: LatestNote; stale: boolean; highlight: Highlight };

/** The latest note version, section by section, every sentence linked to its evidence. */
export const DraftNote = ({ note, stale, highlight }: Props) => (
  <div className="draft-note">
    <div className="note-meta">
      <span className={`badge badge-${note.status}`}>{STATUS[note.status]}</span>
      <span>Version {note.version}</span>
      <span>{note.modelVersion ? `Written by ${note.modelVersion}` : 'Written by hand'}</span>
      <time dateTime={note.createdAt}>{formatTimestamp(note.createdAt)}</time>
    </div>
    {stale ? (
      <p className="notice" role="note">
        The transcript changed after this draft. Draft the note again to link it to the new transcript.
      </p>
    ) : null}
    <ConsistencyFlags flags={note.flags} highlight={highlight} />
    <p className="field-hint">Focus or point at a sentence to see what was said in the transcript.</p>
    <div className="note-body">
      {note.note.sections.map((section) => (
        <NoteSectionView key={section.id} section={section} highlight={highlight} />
      ))}
    </div>
  </div>
);
