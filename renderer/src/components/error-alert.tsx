import type { BackendError } from '../lib/api';

type Props = { title: string; error: BackendError | null; onDismiss?: () => void };

/** One visible, announced place for a failure; the code helps support without exposing data. */
export const ErrorAlert = ({ title, error, onDismiss }: Props) => {
  if (!error) return null;
  return (
    <div className="alert" role="alert">
      <div className="alert-body">
        <p className="alert-title">{title}</p>
        <p className="alert-message">{error.message}</p>
        <p className="alert-code">Error code: {error.code}</p>
      </div>
      {onDismiss ? (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
};
