import { describe, expect, it } from 'vitest';
import triggerData from '../../../../main/language/lexicons/context-triggers.json';
import { compileTriggers, defaultTriggers } from '../../../../main/language/assertions/triggers';

describe('ConText trigger file', () => {
  it('compiles the shipped trigger lists', () => {
    const ts = defaultTriggers();
    expect(ts.size.triggers).toBeGreaterThan(300);
    expect(ts.window).toBe(6);
  });

  it('refuses a trigger file with a missing list', () => {
    const broken: Record<string, unknown> = { ...triggerData };
    delete broken.pseudo;
    expect(() => compileTriggers(broken)).toThrow(/Invalid ConText trigger file/);
  });

  it('refuses an unknown category', () => {
    expect(() =>
      compileTriggers({ ...triggerData, triggers: { ...triggerData.triggers, rumoured: { pre: ['hearsay'] } } }),
    ).toThrow(/Invalid ConText trigger file/);
  });
});
