import type { NoteSection, NoteSentence } from '../../../common/note';
import type { Highlight } from '../lib/highlight';
import { layoutSection, type IndexedSentence } from '../lib/note-layout';

type Props = { section: NoteSection; highlight: Highlight };

/**
 * A sentence with evidence is focusable: focusing or hovering it marks what was said. It is a span,
 * not a button, so a long sentence wraps inside its paragraph like text.
 */
const Sentence = ({
  sectionId,
  item,
  highlight,
}: {
  sectionId: string;
  item: IndexedSentence;
  highlight: Highlight;
}) => {
  const { sentence, index }: { sentence: NoteSentence; index: number } = item;
  // A model-written sentence the transcript does not support: kept for the clinician to judge, marked.
  const unsupported =
    sentence.unsupported === true ? (
      <span className="note-unsupported-label">
        <span aria-hidden="true"> ⚠</span>
        <span className="visually-hidden"> (not supported by the transcript)</span>
      </span>
    ) : null;
  const unsupportedClass = sentence.unsupported === true ? ' note-sentence-unsupported' : '';
  if (sentence.evidence.length === 0)
    return (
      <span className={`note-sentence note-sentence-plain${unsupportedClass}`}>
        {sentence.text}
        {unsupported}
      </span>
    );
  const key = `note:${sectionId}:${index}`;
  return (
    <span
      tabIndex={0}
      className={`note-sentence${unsupportedClass}${highlight.activeKey === key ? ' note-sentence-active' : ''}`}
      title={sentence.unsupported === true ? 'Not supported by the transcript: check it' : 'Show what was said'}
      {...highlight.bind(key, sentence.evidence)}
    >
      {sentence.text}
      {unsupported}
    </span>
  );
};

export const NoteSectionView = ({ section, highlight }: Props) => (
  <section className="note-section" aria-labelledby={`note-${section.id}`}>
    <h3 id={`note-${section.id}`} className="note-header">
      {section.header}
    </h3>
    {layoutSection(section.sentences).map((block) => {
      switch (block.type) {
        case 'heading':
          return (
            <p key={block.sentence.index} className="note-group-heading">
              <Sentence sectionId={section.id} item={block.sentence} highlight={highlight} />
            </p>
          );
        case 'list':
          return (
            <ul key={block.sentences[0]?.index} className="note-bullets">
              {block.sentences.map((item) => (
                <li key={item.index}>
                  <Sentence sectionId={section.id} item={item} highlight={highlight} />
                </li>
              ))}
            </ul>
          );
        case 'paragraph':
          return (
            <p key={block.sentences[0]?.index} className="note-paragraph">
              {block.sentences.map((item, i) => (
                <span key={item.index}>
                  {i > 0 ? ' ' : null}
                  <Sentence sectionId={section.id} item={item} highlight={highlight} />
                </span>
              ))}
            </p>
          );
        default: {
          const unknown: never = block;
          throw new Error(`Unknown block ${String(unknown)}`);
        }
      }
    })}
  </section>
);
