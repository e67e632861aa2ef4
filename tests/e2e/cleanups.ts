import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * TEST ONLY. Resources registered as they are created and released in reverse order, so a
 * beforeAll that fails half-way still cleans up what it did start.
 */
export class Cleanups {
  private readonly steps: Array<() => Promise<void> | void> = [];

  add<T extends { close(): Promise<void> | void }>(resource: T): T {
    this.steps.push(() => resource.close());
    return resource;
  }

  tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.steps.push(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return dir;
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'Cleanup failed');
  }
}
