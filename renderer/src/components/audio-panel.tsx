import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../common/contract';
import { call, subscribe, toBackendError, BackendError } from '../lib/api';
import { formatOffset } from '../lib/format';
import { CAPTURE_SAMPLE_RATE, MicrophoneError, openMicrophone, toBase64, type Microphone } from '../lib/microphone';
import { useSpeechJob } from '../lib/use-speech-job';
import { ErrorAlert } from './error-alert';

type Piece = EventPayload<'transcript:pieces'>['pieces'][number];

type Props = {
  encounterId: string;
  recordingConsent: boolean;
  locked: boolean;
  /** Reload the encounter after a transcription (transcript, findings, draft). */
  onTranscribed: () => Promise<void>;
};

const AUDIO_TYPES = '.wav,.mp3,.ogg,.opus,.webm,.flac,audio/*';
/** The IPC request limit for an imported file (base64 inflates by 4/3). */
const MAX_IMPORT_BYTES = 370 * 1024 * 1024;

/** Loudness as a 0..1 bar: −60 dBFS and below is empty, 0 dBFS full. */
const levelFraction = (dbfs: number): number => Math.max(0, Math.min(1, (dbfs + 60) / 60));

/**
 * Record the visit (after recording consent) or import an audio file. While recording, the level and
 * elapsed time show, and the transcript appears as it is recognised; on stop the rest is transcribed
 * and the findings and draft note follow.
 */
export const AudioPanel = ({ encounterId, recordingConsent, locked, onTranscribed }: Props) => {
  const job = useSpeechJob(onTranscribed);
  const [recordingId, setRecordingId] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);
  const [level, setLevel] = useState<{ rms: number; elapsedMs: number }>({ rms: -90, elapsedMs: 0 });
  const [live, setLive] = useState<Piece[]>([]);
  const [micError, setMicError] = useState<BackendError | null>(null);
  const micRef = useRef<Microphone | null>(null);
  const sendRef = useRef<Promise<unknown>>(Promise.resolve());
  const fileRef = useRef<HTMLInputElement>(null);
  const [interrupted, setInterrupted] = useState<Array<{ recordingId: string; chunks: number }>>([]);

  // A recording cut off by a crash or power loss is offered for recovery (every sealed second is kept).
  useEffect(() => {
    let current = true;
    call('recording:interrupted', {})
      .then((list) => {
        if (current) setInterrupted(list.filter((r) => r.encounterId === encounterId));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [encounterId]);

  const recover = async (recordingId: string): Promise<void> => {
    setInterrupted((prev) => prev.filter((r) => r.recordingId !== recordingId));
    await job.run('Recovering and transcribing the interrupted recording', () =>
      call('recording:recover', { recordingId }),
    );
  };

  useEffect(() => {
    const offLevel = subscribe('recording:level', (event) => {
      if (event.recordingId === recordingId) setLevel({ rms: event.rmsDbfs, elapsedMs: event.elapsedMs });
    });
    const offPieces = subscribe('transcript:pieces', (event) => {
      if (event.encounterId === encounterId) setLive((prev) => [...prev, ...event.pieces]);
    });
    const offError = subscribe('recording:error', (event) => {
      if (event.recordingId === recordingId)
        setMicError(new BackendError(event.code, 'Recording stopped: the disk is full. What was recorded is kept.'));
    });
    return () => {
      offLevel();
      offPieces();
      offError();
    };
  }, [encounterId, recordingId]);

  // Leaving the page while recording stops the microphone; main keeps every sealed second.
  useEffect(
    () => () => {
      void micRef.current?.stop();
    },
    [],
  );

  const start = useCallback(async (): Promise<void> => {
    setMicError(null);
    setLive([]);
    job.reset();
    // The microphone first: if access is denied, no recording is started at all.
    let id: string | null = null;
    const early: ArrayBuffer[] = [];
    const send = (block: ArrayBuffer, recording: string): void => {
      // Chunks go in order, one request at a time.
      sendRef.current = sendRef.current.then(() =>
        call('recording:append', { recordingId: recording, data: toBase64(new Uint8Array(block)) }).catch(
          (caught: unknown) => {
            setMicError(toBackendError(caught));
          },
        ),
      );
    };
    let mic: Microphone;
    try {
      mic = await openMicrophone((block) => {
        if (id === null) early.push(block);
        else send(block, id);
      });
    } catch (caught) {
      setMicError(
        caught instanceof MicrophoneError
          ? new BackendError('MICROPHONE_UNAVAILABLE', caught.message)
          : toBackendError(caught),
      );
      return;
    }
    try {
      ({ recordingId: id } = await call('recording:start', {
        encounterId,
        sampleRate: CAPTURE_SAMPLE_RATE,
        channels: 1,
        format: 's16',
      }));
    } catch (caught) {
      await mic.stop();
      setMicError(toBackendError(caught));
      return;
    }
    const recording = id;
    for (const block of early.splice(0)) send(block, recording);
    micRef.current = mic;
    setRecordingId(recording);
    setPaused(false);
    setLevel({ rms: -90, elapsedMs: 0 });
  }, [encounterId, job]);

  const stop = useCallback(async (): Promise<void> => {
    if (!recordingId) return;
    const mic = micRef.current;
    micRef.current = null;
    await mic?.stop();
    await sendRef.current;
    const id = recordingId;
    setRecordingId(null);
    await job.run('Transcribing the rest of the visit', () => call('recording:stop', { recordingId: id }));
  }, [recordingId, job]);

  const togglePause = useCallback(async (): Promise<void> => {
    if (!recordingId) return;
    if (paused) {
      await call('recording:resume', { recordingId });
      micRef.current?.resume();
    } else {
      micRef.current?.pause();
      await sendRef.current;
      await call('recording:pause', { recordingId });
    }
    setPaused(!paused);
  }, [recordingId, paused]);

  const importFile = async (file: File | undefined): Promise<void> => {
    if (fileRef.current) fileRef.current.value = '';
    if (!file) return;
    setMicError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setMicError(new BackendError('VALIDATION_FAILED', 'That audio file is too large to import (limit 370 MB).'));
      return;
    }
    let data: string;
    try {
      data = toBase64(new Uint8Array(await file.arrayBuffer()));
    } catch {
      setMicError(new BackendError('VALIDATION_FAILED', 'The file could not be read. Check that it is still there.'));
      return;
    }
    setLive([]);
    await job.run('Transcribing the audio file', () =>
      call('audio:import', { encounterId, fileName: file.name, data }),
    );
  };

  const running = job.state.phase === 'running';
  const canStart = !locked && recordingConsent && recordingId === null && !running;

  return (
    <section className="card audio-panel" aria-labelledby="audio-title">
      <h2 id="audio-title">Visit audio</h2>
      {!recordingConsent && !locked ? (
        <p className="muted">Give the patient’s recording consent (Consent panel) to record or import audio.</p>
      ) : null}
      <div className="audio-controls">
        {recordingId === null ? (
          <button
            type="button"
            className="button button-primary"
            disabled={!canStart}
            onClick={() => void start()}
            aria-keyshortcuts="Alt+R"
          >
            <span aria-hidden="true">●</span> Record visit
          </button>
        ) : (
          <>
            <button type="button" className="button button-primary" onClick={() => void stop()}>
              <span aria-hidden="true">■</span> Stop
            </button>
            <button type="button" className="button" onClick={() => void togglePause()}>
              {paused ? 'Resume' : 'Pause'}
            </button>
            <span className="recording-status" role="status">
              <span className={paused ? 'rec-dot rec-dot-paused' : 'rec-dot'} aria-hidden="true" />
              {paused ? 'Paused' : 'Recording'} {formatOffset(level.elapsedMs)}
            </span>
            <meter
              className="level-meter"
              aria-label="Microphone level"
              min={0}
              max={1}
              low={0.5}
              high={0.9}
              value={levelFraction(level.rms)}
            />
          </>
        )}
        <label className={`button${canStart ? '' : ' button-disabled'}`}>
          Import audio…
          <input
            ref={fileRef}
            className="visually-hidden"
            type="file"
            accept={AUDIO_TYPES}
            disabled={!canStart}
            onChange={(event) => void importFile(event.target.files?.[0])}
          />
        </label>
      </div>
      {interrupted.map((r) => (
        <div key={r.recordingId} className="confirm" role="group" aria-label="Interrupted recording">
          <p className="confirm-title">A recording of this visit was interrupted.</p>
          <p className="muted">Everything sealed before the interruption was kept ({r.chunks} chunks).</p>
          <button
            type="button"
            className="button button-primary"
            disabled={running}
            onClick={() => void recover(r.recordingId)}
          >
            Recover and transcribe
          </button>
        </div>
      ))}
      {micError ? <ErrorAlert title="Audio problem." error={micError} /> : null}
      {job.state.phase === 'running' ? (
        <div className="job-progress" role="status">
          <p>{job.state.label}…</p>
          <progress
            max={job.state.total || 1}
            value={job.state.total ? job.state.done : undefined}
            aria-label={job.state.label}
          />
          <button
            type="button"
            className="button"
            onClick={() => void job.cancel()}
            disabled={job.state.jobId === null}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {job.state.phase === 'succeeded' ? (
        <p className="status-line" role="status">
          {job.state.segments === 0
            ? 'No speech was recognised; the audio is kept and the transcript is unchanged.'
            : `Transcribed ${job.state.segments} ${job.state.segments === 1 ? 'segment' : 'segments'}${
                job.state.languages.length > 0 ? ` (${job.state.languages.join(', ')})` : ''
              }; findings and a draft note were made from it.`}
        </p>
      ) : null}
      {job.state.phase === 'cancelled' ? (
        <p className="status-line">Transcription cancelled; the audio is kept.</p>
      ) : null}
      {job.state.phase === 'failed' ? <ErrorAlert title="Transcription failed." error={job.state.error} /> : null}
      {recordingId !== null && live.length > 0 ? (
        <ol className="live-transcript" aria-label="Live transcript" aria-live="polite">
          {live.map((piece, i) => (
            <li key={`${piece.startMs}-${i}`}>
              <span className="segment-time">{formatOffset(piece.startMs)}</span> {piece.text}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
};
