import type { ResponseOf } from '../../../common/contract';
import { CHECKLIST_STATES, describeFinding, groupFindings } from '../lib/findings-view';
import type { Highlight } from '../lib/highlight';

export type FindingsList = ResponseOf<'findings:list'>;

type Props = { findings: FindingsList; highlight: Highlight };

const NotMentioned = ({ labels }: { labels: string[] }) =>
  labels.length === 0 ? null : (
    <p className="checklist-rest">
      <span className="checklist-rest-title">Not mentioned:</span> {labels.join(', ')}
    </p>
  );

/** Findings grouped by kind, then each checklist; choosing one marks its evidence in the transcript. */
export const FindingsPanel = ({ findings, highlight }: Props) => {
  const groups = groupFindings(findings.findings);
  const checklists = findings.checklists.filter((c) => c.items.length > 0);
  if (groups.length === 0 && checklists.length === 0)
    return <p className="muted">No findings were extracted from this transcript.</p>;
  return (
    <div className="findings">
      {groups.map((group) => (
        <section key={group.kind} className="finding-group" aria-labelledby={`findings-${group.kind}`}>
          <h3 id={`findings-${group.kind}`} className="finding-group-title">
            {group.title} <span className="count">{group.rows.length}</span>
          </h3>
          <ul className="finding-list">
            {group.rows.map(({ id, finding }) => {
              const view = describeFinding(finding);
              const key = `finding:${id}`;
              return (
                <li key={id}>
                  <button
                    type="button"
                    className={`finding${highlight.activeKey === key ? ' finding-active' : ''}`}
                    {...highlight.bind(key, view.evidence)}
                  >
                    <span className="finding-title">{view.title}</span>
                    {view.details.length > 0 ? (
                      <span className="finding-details">{view.details.join(' · ')}</span>
                    ) : null}
                    {view.badges.map((badge) => (
                      <span key={badge.label} className={`tag tag-${badge.tone}`}>
                        {badge.label}
                      </span>
                    ))}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {checklists.map((checklist) => (
        <section
          key={checklist.checklistId}
          className="finding-group finding-group-wide"
          aria-labelledby={`checklist-${checklist.checklistId}`}
        >
          <h3 id={`checklist-${checklist.checklistId}`} className="finding-group-title">
            {checklist.name}
          </h3>
          <ul className="checklist">
            {checklist.items
              .filter((item) => item.state !== 'not-mentioned')
              .map((item) => {
                const key = `checklist:${checklist.checklistId}:${item.itemId}`;
                return (
                  <li key={item.itemId}>
                    <button
                      type="button"
                      className={`finding checklist-item${highlight.activeKey === key ? ' finding-active' : ''}`}
                      {...highlight.bind(key, item.evidence)}
                    >
                      <span className="finding-title">{item.label}</span>
                      <span className={`tag tag-state-${item.state}`}>{CHECKLIST_STATES[item.state]}</span>
                    </button>
                  </li>
                );
              })}
          </ul>
          <NotMentioned labels={checklist.items.filter((i) => i.state === 'not-mentioned').map((i) => i.label)} />
        </section>
      ))}
    </div>
  );
};
