import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../common/contract';
import { ErrorAlert } from './components/error-alert';
import { call, onLocked, toBackendError, type BackendError } from './lib/api';
import { useRoute } from './lib/route';
import { EncounterListPage } from './pages/encounter-list-page';
import { EncounterPage } from './pages/encounter-page';
import { RegisterPage } from './pages/register-page';
import { UnlockPage } from './pages/unlock-page';

type AppInfo = ResponseOf<'app:info'>;
type Boot = { kind: 'loading' } | { kind: 'failed'; error: BackendError } | { kind: 'ready'; info: AppInfo };

/** Decides which gate (unlock, first-run registration) stands before the workspace. */
export const App = () => {
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const refresh = useCallback(async (): Promise<void> => {
    try {
      setBoot({ kind: 'ready', info: await call('app:info', {}) });
    } catch (error) {
      // During a session a failed re-check keeps the workspace (and whatever is being typed) in place.
      setBoot((prev) => (prev.kind === 'ready' ? prev : { kind: 'failed', error: toBackendError(error) }));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  // The store can lock under a running session; re-reading app:info brings up the unlock dialog.
  useEffect(() => onLocked(() => void refresh()), [refresh]);

  const info = boot.kind === 'ready' ? boot.info : null;
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true" />
          Quietchart
        </a>
        {info?.clinician ? (
          <p className="topbar-user">
            <span className="visually-hidden">Signed in as </span>
            {info.clinician.displayName}
          </p>
        ) : null}
      </header>
      <main className="content" id="main">
        <Body boot={boot} onChanged={refresh} />
      </main>
      <footer className="footer">
        <p>Everything stays on this device.{info ? ` Version ${info.version}.` : ''}</p>
      </footer>
    </div>
  );
};

const Body = ({ boot, onChanged }: { boot: Boot; onChanged: () => Promise<void> }) => {
  // Once the workspace has been shown it stays mounted, so a lock mid-session loses no typing.
  const [sessionStarted, setSessionStarted] = useState(false);
  const info = boot.kind === 'ready' ? boot.info : null;
  const ready = info !== null && !info.locked && info.clinician !== null;
  useEffect(() => {
    if (ready) setSessionStarted(true);
  }, [ready]);

  if (info && (ready || sessionStarted)) {
    return (
      <>
        <div className="workspace" inert={info.locked}>
          <Workspace />
        </div>
        {info.locked ? (
          <div className="lock-overlay">
            <div className="lock-dialog" role="dialog" aria-modal="true" aria-labelledby="unlock-title">
              <UnlockPage onUnlocked={onChanged} />
            </div>
          </div>
        ) : null}
      </>
    );
  }

  switch (boot.kind) {
    case 'loading':
      return (
        <p className="loading" role="status">
          Starting Quietchart…
        </p>
      );
    case 'failed':
      return (
        <section className="gate">
          <h1>Quietchart could not start</h1>
          <ErrorAlert title="The background service did not answer." error={boot.error} />
          <button type="button" className="button" onClick={() => void onChanged()}>
            Try again
          </button>
        </section>
      );
    case 'ready':
      if (boot.info.locked) return <UnlockPage onUnlocked={onChanged} />;
      return <RegisterPage onRegistered={onChanged} />;
  }
};

const Workspace = () => {
  const route = useRoute();
  // The search survives opening an encounter and coming back.
  const [query, setQuery] = useState('');
  switch (route.page) {
    case 'encounters':
      return <EncounterListPage query={query} onQueryChange={setQuery} />;
    case 'encounter':
      return <EncounterPage key={route.id} id={route.id} />;
  }
};
