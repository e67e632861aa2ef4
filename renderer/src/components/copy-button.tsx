import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard';

/** "Copy as text" with a short-lived "Copied" confirmation, announced politely. */
export const CopyButton = ({ text }: { text: string }) => {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = window.setTimeout(() => {
      setCopy('idle');
    }, 4000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [copy]);
  return (
    <span className="copy">
      <span className="copy-status" role="status">
        {copy === 'copied' ? 'Copied' : ''}
      </span>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          void copyText(text).then((ok) => {
            setCopy(ok ? 'copied' : 'failed');
          });
        }}
      >
        Copy as text
      </button>
      {copy === 'failed' ? (
        <span className="copy-failed" role="alert">
          Could not copy. Select the note text and copy it instead.
        </span>
      ) : null}
    </span>
  );
};
