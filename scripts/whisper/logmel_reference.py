"""Independent Whisper log-mel reference for ../shared/audio/jfk/jfk.wav (PyTorch + NumPy, float64).

Whisper's recipe: zero-pad the 16 kHz waveform to 30 s (480000 samples), torch.stft (n_fft 400, hop 160,
periodic Hann window, centered with reflect padding), drop the last of the 3001 frames, power spectrum,
80 Slaney-normalised Slaney-scale mel filters over 0-8 kHz (built here in NumPy), log10 clamped at 1e-10,
floor at (max - 8), then (x + 4) / 4.

Writes tests/fixtures/models/logmel/jfk.json (checksums: every frame's sum, every mel band's sum, global
stats) and jfk-frames.f32 (little-endian float32 [frames.length, 80] for the listed frames).

  /usr/bin/python3 scripts/whisper/logmel_reference.py [--audio PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import wave
from pathlib import Path

import numpy as np
import torch

SAMPLE_RATE, N_FFT, HOP, N_MELS, N_SAMPLES = 16000, 400, 160, 80, 480000
REPO = Path(__file__).resolve().parents[2]


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as f:
        assert f.getnchannels() == 1 and f.getframerate() == SAMPLE_RATE and f.getsampwidth() == 2
        pcm = np.frombuffer(f.readframes(f.getnframes()), dtype="<i2")
    return pcm.astype(np.float32) / 32768.0  # float32 first: the same samples the app's decoder produces


def hz_to_mel(f: np.ndarray) -> np.ndarray:
    """Slaney mel scale: linear below 1 kHz, logarithmic above."""
    f = np.asarray(f, dtype=np.float64)
    logstep = np.log(6.4) / 27.0
    return np.where(f >= 1000.0, 15.0 + np.log(np.maximum(f, 1e-10) / 1000.0) / logstep, f * 3.0 / 200.0)


def mel_to_hz(m: np.ndarray) -> np.ndarray:
    logstep = np.log(6.4) / 27.0
    return np.where(m >= 15.0, 1000.0 * np.exp(logstep * (m - 15.0)), m * 200.0 / 3.0)


def mel_filters() -> np.ndarray:
    fft_freqs = np.linspace(0, SAMPLE_RATE / 2, N_FFT // 2 + 1)
    hz = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(8000.0), N_MELS + 2))
    filters = np.zeros((N_MELS, fft_freqs.size))
    for i in range(N_MELS):
        lower = (fft_freqs - hz[i]) / (hz[i + 1] - hz[i])
        upper = (hz[i + 2] - fft_freqs) / (hz[i + 2] - hz[i + 1])
        filters[i] = np.maximum(0.0, np.minimum(lower, upper)) * (2.0 / (hz[i + 2] - hz[i]))
    return filters


def log_mel(audio: np.ndarray) -> np.ndarray:
    padded = np.zeros(N_SAMPLES, dtype=np.float64)
    padded[: min(audio.size, N_SAMPLES)] = audio[:N_SAMPLES]
    window = torch.hann_window(N_FFT, periodic=True, dtype=torch.float64)
    stft = torch.stft(torch.from_numpy(padded), N_FFT, HOP, window=window, center=True, pad_mode="reflect",
                      return_complex=True)
    power = stft[:, :-1].abs() ** 2  # [201, 3000]
    mel = torch.from_numpy(mel_filters()) @ power
    log_spec = torch.clamp(mel, min=1e-10).log10()
    log_spec = torch.maximum(log_spec, log_spec.max() - 8.0)
    return ((log_spec + 4.0) / 4.0).numpy()  # [80, 3000]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--audio", type=Path, default=REPO.parent / "shared/audio/jfk/jfk.wav")
    parser.add_argument("--out", type=Path, default=REPO / "tests/fixtures/models/logmel")
    args = parser.parse_args()
    features = log_mel(read_wav(args.audio))
    frames = list(range(0, 160)) + list(range(160, features.shape[1], 20))  # dense start, then strided
    args.out.mkdir(parents=True, exist_ok=True)
    features[:, frames].T.astype("<f4").tofile(args.out / "jfk-frames.f32")
    summary = {
        "audio": "../shared/audio/jfk/jfk.wav",
        "generator": "scripts/whisper/logmel_reference.py",
        "shape": list(features.shape),
        "frames": frames,
        "frames_file": "jfk-frames.f32 (float32 little-endian, [frames.length, 80])",
        "min": float(features.min()),
        "max": float(features.max()),
        "mean": float(features.mean()),
        "frame_sums": [round(float(v), 6) for v in features.sum(axis=0)],
        "mel_sums": [round(float(v), 5) for v in features.sum(axis=1)],
    }
    (args.out / "jfk.json").write_text(json.dumps(summary) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
