import { useEffect, useRef, useState } from 'react';
import type { EncounterSummary } from '../../../common/domain';
import { EncounterTable } from '../components/encounter-table';
import { ErrorAlert } from '../components/error-alert';
import { NewEncounterForm } from '../components/new-encounter-form';
import { call, toBackendError, type BackendError } from '../lib/api';
import { useDebouncedValue, useSlashToFocus } from '../lib/hooks';

type Props = { query: string; onQueryChange: (query: string) => void };
type Page = { items: EncounterSummary[]; total: number; query: string };

const PAGE_SIZE = 100;
const SEARCH_DELAY_MS = 200;

export const EncounterListPage = ({ query, onQueryChange }: Props) => {
  const debouncedQuery = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [page, setPage] = useState<Page | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<BackendError | null>(null);
  const [reloads, setReloads] = useState(0);
  const [formOpen, setFormOpen] = useState(false);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  useSlashToFocus(searchRef);

  useEffect(() => {
    // Responses can arrive out of order while typing: only the latest request may set state.
    let current = true;
    setLoading(true);
    call('encounter:list', { query: debouncedQuery, limit: PAGE_SIZE, offset: 0 })
      .then((result) => {
        if (!current) return;
        setPage({ ...result, query: debouncedQuery });
        setError(null);
      })
      .catch((caught: unknown) => {
        if (current) setError(toBackendError(caught));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [debouncedQuery, reloads]);

  const onCreated = (encounter: EncounterSummary): void => {
    setHighlightId(encounter.id);
    setNotice(`Encounter created for ${encounter.patient.name}.`);
    setFormOpen(false);
    // Show the whole list so the new encounter is visible whatever was being searched.
    onQueryChange('');
    setReloads((n) => n + 1);
    newButtonRef.current?.focus();
  };

  const searching = page !== null && page.query !== '';
  return (
    <section className="page" aria-labelledby="encounters-title">
      <div className="page-header">
        <h1 id="encounters-title">Encounters</h1>
        <p className="status-line" role="status">
          {notice}
        </p>
        <button
          ref={newButtonRef}
          type="button"
          className="button button-primary"
          aria-expanded={formOpen}
          aria-controls={formOpen ? 'new-encounter' : undefined}
          onClick={() => {
            setFormOpen((open) => !open);
            setNotice('');
          }}
        >
          New encounter
        </button>
      </div>

      {formOpen ? (
        <NewEncounterForm
          onCreated={onCreated}
          onCancel={() => {
            setFormOpen(false);
          }}
        />
      ) : null}

      <search className="search" aria-label="Encounters">
        <label htmlFor="encounter-search">Search encounters</label>
        <div className="search-row">
          <input
            id="encounter-search"
            ref={searchRef}
            type="search"
            placeholder="Name, MRN or reason"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            aria-describedby="encounter-search-hint"
            aria-controls="encounter-results"
            value={query}
            onChange={(event) => {
              onQueryChange(event.target.value);
              setNotice('');
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query !== '') {
                event.preventDefault();
                onQueryChange('');
              }
            }}
          />
          <span id="encounter-search-hint" className="field-hint">
            Press <kbd>/</kbd> to search, <kbd>Esc</kbd> to clear.
          </span>
        </div>
      </search>

      <ErrorAlert title="Could not load encounters." error={error} />

      <div id="encounter-results" className="results" aria-busy={loading}>
        {page ? <Results page={page} searching={searching} highlightId={highlightId} /> : null}
        {!page && loading ? <p className="muted">Loading encounters…</p> : null}
      </div>
    </section>
  );
};

const Results = ({ page, searching, highlightId }: { page: Page; searching: boolean; highlightId: string | null }) => {
  if (page.items.length === 0) {
    return (
      <div className="empty-state">
        {searching ? (
          <>
            <p className="empty-title">No encounters match “{page.query}”.</p>
            <p className="muted">Check the spelling, or search by MRN.</p>
          </>
        ) : (
          <>
            <p className="empty-title">No encounters yet.</p>
            <p className="muted">Choose “New encounter” to start one.</p>
          </>
        )}
      </div>
    );
  }
  const shown = page.items.length;
  const summary =
    page.total > shown
      ? `Showing ${shown} of ${page.total} encounters${searching ? ' matching your search' : ''}. Refine the search to see others.`
      : `${page.total} ${page.total === 1 ? 'encounter' : 'encounters'}${searching ? ' found' : ''}.`;
  return (
    <>
      <p className="results-count" aria-live="polite">
        {summary}
      </p>
      <EncounterTable items={page.items} highlightId={highlightId} caption={summary} />
    </>
  );
};
