import { describe, expect, it } from 'vitest';
import { createLogger, setLogSink } from '../../../main/log/logger';
import { redact } from '../../../main/log/redact';

// Synthetic PHI only: none of these people exist.
const SYNTHETIC = {
  email: 'maria.synthetic@example.org',
  phone: '(555) 014-2298',
  dob: '1961-04-09',
  usDate: '4/9/1961',
  mrn: 'MRN00482913',
  posixPath: '/home/drsmith/patients/Maria Synthetic/visit.wav',
  windowsPath: 'C:\\Users\\drsmith\\Documents\\visit.wav',
};

describe('log redaction', () => {
  it.each(Object.entries(SYNTHETIC))('removes a %s', (_kind, value) => {
    const out = redact(`something about ${value} happened`);
    expect(out).not.toContain(value);
    expect(out).toMatch(/\[(email|phone|date|number|path)\]/);
  });

  it('keeps UUIDs, counts and error codes so logs stay useful', () => {
    const id = '2f1b9a4e-8c3d-4e5f-9a1b-2c3d4e5f6a7b';
    expect(redact(`{"encounterId":"${id}","count":12,"code":"STORE_WRONG_KEY","ms":340}`)).toBe(
      `{"encounterId":"${id}","count":12,"code":"STORE_WRONG_KEY","ms":340}`,
    );
  });

  it('runs every logger line through the redactor but keeps its own timestamp', () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line), 'debug');
    createLogger('test').info('import.failed', { file: SYNTHETIC.posixPath, contact: SYNTHETIC.email, count: 3 });
    restore();
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(parsed.t).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(parsed).toMatchObject({
      level: 'info',
      scope: 'test',
      event: 'import.failed',
      file: '[path]',
      contact: '[email]',
      count: 3,
    });
  });
});
