/**
 * What the pane needs from its host: Excel (through Office.js) inside Office, the Excel host
 * simulator in the demo and the tests.
 */
export interface PaneHost {
  /** Runs a batch of Excel calls, like `Excel.run`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  requirements: { isSetSupported(name: string, version?: string): boolean };
  /** Office's display language, e.g. `zh-CN`. */
  displayLanguage: string;
  /** URL of the analysis worker script. */
  workerUrl: string;
}
