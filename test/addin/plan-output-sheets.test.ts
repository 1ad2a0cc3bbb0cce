import { describe, expect, it } from 'vitest';
import { freeSheetName, ownedMap } from '../../addin/src/excel/owned-sheets.js';
import type { WorkbookSheet } from '../../addin/src/excel/owned-sheets.js';
import { planOutputSheets } from '../../addin/src/excel/plan-output-sheets.js';
import type { OutputSheet } from '../../addin/src/results/output-model.js';

const DEFAULTS = ['Pipecast Forecast', 'Pipecast 预测'];

function output(name = 'Pipecast Forecast'): OutputSheet {
  return {
    analysis: 'forecast',
    name,
    headline: [],
    asOf: null,
    tables: [],
    charts: [],
    notes: [],
    notesTitle: 'Notes',
    notesColumns: [],
  };
}

function sheet(
  name: string,
  position: number,
  owner: WorkbookSheet['owner'] = null,
): WorkbookSheet {
  return { id: `{${name}}`, name, position, owner };
}

describe('planOutputSheets', () => {
  it('adds the default name when no sheet has it', () => {
    const plan = planOutputSheets([output()], [sheet('Deals', 0)], DEFAULTS);
    expect(plan.deletions).toEqual([]);
    expect(plan.targets).toEqual([
      { analysis: 'forecast', name: 'Pipecast Forecast', position: null },
    ]);
  });

  it('never deletes a user sheet named like the output: the output takes another name', () => {
    const user = sheet('Pipecast Forecast', 1);
    const plan = planOutputSheets([output()], [sheet('Deals', 0), user], DEFAULTS);
    expect(plan.deletions).toEqual([]);
    expect(plan.targets[0]?.name).toBe('Pipecast Forecast (2)');
  });

  it('compares names without case, as Excel does', () => {
    const plan = planOutputSheets([output()], [sheet('PIPECAST FORECAST', 0)], DEFAULTS);
    expect(plan.targets[0]?.name).toBe('Pipecast Forecast (2)');
  });

  it('replaces its own sheet by marker, in its place, keeping a name the user gave it', () => {
    const renamed = sheet('My forecast', 2, 'forecast');
    const sheets = [sheet('Deals', 0), sheet('Pipecast Forecast', 1), renamed];
    const plan = planOutputSheets([output()], sheets, DEFAULTS);
    expect(plan.deletions).toEqual([renamed]);
    // The user's "Pipecast Forecast" stays, so the name is free only because the user renamed ours.
    expect(plan.targets).toEqual([{ analysis: 'forecast', name: 'My forecast', position: 2 }]);
  });

  it('takes the default of the pane language for a sheet still under a default name', () => {
    const ours = sheet('Pipecast Forecast', 1, 'forecast');
    const plan = planOutputSheets([output('Pipecast 预测')], [sheet('Deals', 0), ours], DEFAULTS);
    expect(plan.targets[0]?.name).toBe('Pipecast 预测');
  });

  it('keeps output sheets of other analyses', () => {
    const aging = sheet('Pipecast Aging', 1, 'aging');
    const plan = planOutputSheets([output()], [sheet('Deals', 0), aging], DEFAULTS);
    expect(plan.kept).toEqual([aging]);
    expect(plan.deletions).toEqual([]);
  });
});

describe('freeSheetName', () => {
  it('counts up past names in use', () => {
    expect(freeSheetName('A', ['a', 'A (2)'])).toBe('A (3)');
  });
});

describe('ownedMap', () => {
  it('reads the stored JSON and ignores anything else', () => {
    expect(ownedMap('{"{1}":"aging","{2}":3}')).toEqual({ '{1}': 'aging' });
    expect(ownedMap('not json')).toEqual({});
    expect(ownedMap(null)).toEqual({});
  });
});
