// The Excel host simulator: the subset of the Excel JavaScript API the add-in uses, with its
// load/sync rules, errors and limits, over a workbook model built in code or from an .xlsx.
// For Node tests; a browser bundle imports ./browser.js, which leaves out the file reader.
export * from './browser.js';
export { loadXlsxFile } from './load-xlsx-file.js';
