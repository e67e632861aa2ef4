import type { NoteStatus, NoteVersionSummary } from '../../../common/domain';
import { formatTimestamp } from '../lib/format';

const STATUS: Record<NoteStatus, string> = { draft: 'Draft', edited: 'Edited', signed: 'Signed' };

export const NoteVersions = ({ notes }: { notes: NoteVersionSummary[] }) => (
  <section className="card notes" aria-labelledby="notes-title">
    <h2 id="notes-title">Note versions</h2>
    {notes.length === 0 ? (
      <p className="muted">No note for this encounter yet.</p>
    ) : (
      <table className="table">
        <caption className="visually-hidden">Note versions</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Template</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Signed</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((note) => (
            <tr key={note.id}>
              <th scope="row">v{note.version}</th>
              <td>{note.template}</td>
              <td>
                <span className={`badge badge-${note.status}`}>{STATUS[note.status]}</span>
              </td>
              <td className="nowrap">{formatTimestamp(note.createdAt)}</td>
              <td className="nowrap">
                {note.signedAt ? formatTimestamp(note.signedAt) : <span className="muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);
