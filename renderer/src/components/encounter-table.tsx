import type { EncounterSummary } from '../../../common/domain';
import { formatCalendarDate, formatTimestamp } from '../lib/format';
import { hrefFor } from '../lib/route';
import { StatusBadge } from './status-badge';

type Props = { items: EncounterSummary[]; highlightId: string | null; caption: string };

/** The encounters as a real table: sortable later, readable by screen readers now. */
export const EncounterTable = ({ items, highlightId, caption }: Props) => (
  <table className="table encounters">
    <caption className="visually-hidden">{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Patient</th>
        <th scope="col">MRN</th>
        <th scope="col">Date of birth</th>
        <th scope="col">Reason</th>
        <th scope="col">Created</th>
        <th scope="col">Status</th>
      </tr>
    </thead>
    <tbody>
      {items.map((item) => (
        <tr key={item.id} className={item.id === highlightId ? 'row-new' : undefined}>
          <th scope="row">
            <a href={hrefFor({ page: 'encounter', id: item.id })}>{item.patient.name}</a>
          </th>
          <td className="mono">{item.patient.mrn}</td>
          <td className="nowrap">{formatCalendarDate(item.patient.dob)}</td>
          <td className="cell-reason">{item.reason || <span className="muted">—</span>}</td>
          <td className="nowrap">
            <time dateTime={item.createdAt}>{formatTimestamp(item.createdAt)}</time>
          </td>
          <td>
            <StatusBadge status={item.status} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
