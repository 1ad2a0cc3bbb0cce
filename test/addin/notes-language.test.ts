import { describe, expect, it } from 'vitest';
import { forecast } from '../../core/index.js';
import { notesOf } from '../../addin/src/results/notes-of.js';

// A pipeline with one unreadable amount ('TBD'): the core warns about that cell.
const values = [
  ['Deal', 'Stage', 'Amount', 'Close date'],
  ['Alpha', 'Proposal', 'TBD', '2026-07-15'],
  ['Beta', 'Proposal', 5000, '2026-08-15'],
];
const HAN = /[\u4e00-\u9fff]/;

describe('notesOf', () => {
  it('writes each warning in the pane language: Chinese words in a Chinese pane, none in English', () => {
    const run = forecast([{ name: 'Deals', values }], { asOf: '2026-06-30' });
    const warnings = run?.warnings ?? [];
    expect(warnings.length).toBeGreaterThan(0);
    const zh = notesOf(warnings, {}, 'zh');
    const en = notesOf(warnings, {}, 'en');
    for (const note of zh) expect(note.message).toMatch(HAN);
    for (const note of en) expect(note.message).not.toMatch(HAN);
  });
});
