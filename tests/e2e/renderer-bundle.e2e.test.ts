import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from './renderer-build';

const listFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });

/** The production bundle must run under script-src 'self' and style-src 'self' with no exceptions. */
describe('the production renderer bundle', () => {
  let dist: string;
  let files: string[];

  beforeAll(async () => {
    dist = await ensureRendererBuilt();
    files = listFiles(dist);
  });

  it('has no inline scripts, inline styles or style attributes in index.html', () => {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('contains no eval, no Function constructor and no source maps', () => {
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = fs.readFileSync(file, 'utf8');
      expect(code).not.toMatch(/\beval\s*\(/);
      expect(code).not.toMatch(/new\s+Function\s*\(/);
      expect(code).not.toContain('sourceMappingURL');
    }
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it("ships React's production build whatever NODE_ENV the build ran under", () => {
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const code = fs.readFileSync(file, 'utf8');
      expect(code).not.toContain('jsxDEV(');
      // A development-only React warning: present only in the development build.
      expect(code).not.toContain('In HTML, %s');
      expect(code).not.toMatch(/process\.env/);
    }
  });

  it('inlines no assets as data: URLs, which the CSP would block', () => {
    for (const file of files.filter((f) => /\.(js|css|html)$/.test(f))) {
      expect(fs.readFileSync(file, 'utf8')).not.toMatch(/url\(\s*['"]?data:/);
    }
  });
});
