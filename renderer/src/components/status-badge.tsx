import type { EncounterStatus } from '../../../common/domain';

const LABELS: Record<EncounterStatus, string> = { open: 'Open', signed: 'Signed' };

export const StatusBadge = ({ status }: { status: EncounterStatus }) => (
  <span className={`badge badge-${status}`}>{LABELS[status]}</span>
);
