import { z } from 'zod';

/**
 * A clinic-defined checklist: binary features looked for in each encounter. An item is found by its trigger
 * phrases and, optionally, by every phrase the problems lexicon has for the named concepts. Mode 'assertion'
 * (default) reads the assertion: said as present → present, negated → absent. Mode 'mention' asks only
 * whether the topic came up at all ("smoking status asked": "Do you smoke?" / "No." is still present). Mode
 * 'request' is for administrative asks: like 'assertion', but the patient's own question ("Can I get a refill?")
 * is the request.
 */
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');
const Text = z.string().trim().min(1);

export const ChecklistItemSchema = z.strictObject({
  id: Id,
  label: Text,
  description: Text,
  triggers: z.array(Text),
  concepts: z.array(Text).default([]),
  mode: z.enum(['assertion', 'mention', 'request']).default('assertion'),
});

export const ChecklistSchema = z
  .strictObject({
    id: Id,
    name: Text,
    description: Text,
    version: z.literal(1).default(1),
    items: z.array(ChecklistItemSchema).min(1, 'a checklist needs at least one item'),
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${item.id}"` });
      seen.add(item.id);
      if (item.triggers.length === 0 && item.concepts.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'triggers'],
          message: `item "${item.id}" has no triggers and no concepts`,
        });
      }
    });
  });

export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
