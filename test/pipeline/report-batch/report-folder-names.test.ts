import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FOLDER_NAME_LENGTH,
  reportFolderNames,
} from '../../../pipeline/report/batch/report-folder-names.js';

describe('reportFolderNames', () => {
  it('reportFolderNames keeps the base name without extension', () => {
    expect(reportFolderNames(['samples/pipeline-en.xlsx', '客户 2024.csv'])).toEqual([
      'pipeline-en',
      '客户 2024',
    ]);
  });

  it('reportFolderNames makes same-named inputs from different folders unique, in input order', () => {
    expect(
      reportFolderNames(['east/sales.xlsx', 'west/sales.xlsx', 'sales.csv', 'north/sales.xlsx']),
    ).toEqual(['sales', 'sales-2', 'sales-3', 'sales-4']);
  });

  it('reportFolderNames treats names differing only in case or Unicode form as the same', () => {
    // macOS and Windows folders ignore case; macOS stores é decomposed (NFD).
    const nfd = 'Cafe\u0301.xlsx';
    expect(reportFolderNames(['a/Sales.xlsx', 'b/SALES.csv', 'Café.xlsx', nfd])).toEqual([
      'Sales',
      'SALES-2',
      'Café',
      'Café-2',
    ]);
  });

  it('reportFolderNames skips a suffix that another input already has as its own name', () => {
    expect(reportFolderNames(['x.xlsx', 'x-2.xlsx', 'y/x.xlsx'])).toEqual(['x', 'x-2', 'x-3']);
  });

  it('reportFolderNames replaces characters Windows or macOS refuse', () => {
    expect(reportFolderNames(['q3:final?.xlsx', 'a<b>|c*"d.csv', 'tab\there.csv'])).toEqual([
      'q3_final_',
      'a_b__c__d',
      'tab_here',
    ]);
  });

  it('reportFolderNames avoids reserved device names, leading and trailing dots, and the batch files', () => {
    expect(
      reportFolderNames(['CON.xlsx', 'lpt1.csv', '.hidden.csv', 'end. .xlsx', 'index.html.csv']),
    ).toEqual(['CON_', 'lpt1_', 'hidden', 'end', 'index.html_']);
  });

  it('reportFolderNames gives a name to an input whose stem is empty after cleaning', () => {
    expect(reportFolderNames(['....csv', '   .xlsx'])).toEqual(['workbook', 'workbook-2']);
  });

  it('reportFolderNames takes the base name of a Windows path too', () => {
    expect(reportFolderNames(['C:\\exports\\deals.xlsx'])).toEqual(['deals']);
  });

  it('reportFolderNames cuts long names by characters, not bytes', () => {
    const [name] = reportFolderNames([`${'销'.repeat(200)}.xlsx`]);
    expect(Array.from(name!)).toHaveLength(DEFAULT_MAX_FOLDER_NAME_LENGTH);
  });

  it('reportFolderNames returns an empty list for no files and leaves its input alone', () => {
    expect(reportFolderNames([])).toEqual([]);
    const files = Object.freeze(['a.xlsx', 'a.xlsx']);
    expect(reportFolderNames(files)).toEqual(['a', 'a-2']);
  });
});
