import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The package version, found by walking up from the entry script (works from sources and from dist/). */
export const appVersion = (start = path.dirname(process.argv[1] ?? process.cwd())): string => {
  let dir = start;
  for (let i = 0; i < 6; i += 1) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'quietchart' && pkg.version) return pkg.version;
    } catch {
      // not here: keep walking up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
};
