import type { ConsistencyFlag, FlagKind } from '../../../common/consistency';
import type { Highlight } from '../lib/highlight';

const KIND_LABELS: Record<FlagKind, string> = {
  'negated-as-present': 'Denied in the visit',
  'hypothetical-as-present': 'Only raised as a possibility',
  'family-as-present': 'Said of someone else',
  'unsupported-medication': 'Medication not mentioned',
  'unsupported-dose': 'Dose not mentioned',
  'unsupported-allergy': 'Allergy not mentioned',
  'contradicted-allergy': 'Allergy contradicted',
  'unsupported-vital': 'Value not mentioned',
};

type Props = { flags: readonly ConsistencyFlag[]; highlight: Highlight };

/**
 * The consistency checker's findings on this draft, shown above the note so they are read before
 * signing. A flag with evidence marks, on focus or hover, what the transcript says instead.
 */
export const ConsistencyFlags = ({ flags, highlight }: Props) => {
  if (flags.length === 0) return null;
  return (
    <section className="consistency" aria-labelledby="consistency-title">
      <h3 id="consistency-title" className="consistency-title">
        Check before signing: {flags.length} {flags.length === 1 ? 'sentence disagrees' : 'sentences disagree'} with the
        transcript
      </h3>
      <ul className="consistency-list">
        {flags.map((flag, i) => {
          const key = `flag:${i}`;
          return (
            <li
              key={key}
              className={`consistency-flag${highlight.activeKey === key ? ' consistency-flag-active' : ''}`}
              {...(flag.evidence.length > 0
                ? { tabIndex: 0, title: 'Show what the transcript says', ...highlight.bind(key, flag.evidence) }
                : {})}
            >
              <span className="consistency-kind">{KIND_LABELS[flag.kind]}</span>
              <q className="consistency-sentence">{flag.sentence}</q>
              <span className="consistency-reason">{flag.reason}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
};
