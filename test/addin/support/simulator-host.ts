import type { PaneHost } from '../../../addin/src/pane-host.js';
import type { ExcelHost } from '../../excel-simulator/index.js';
import { typedExcel } from '../../excel-simulator/typed-excel.js';

/** The pane's host over the Excel host simulator, as the demo page builds it. */
export function simulatorPaneHost(host: ExcelHost): PaneHost {
  const excel = typedExcel(host);
  return {
    run: (batch) => excel.run(batch),
    requirements: host.Office.context.requirements,
    displayLanguage: host.Office.context.displayLanguage,
    workerUrl: 'analysis-worker.js',
  };
}
