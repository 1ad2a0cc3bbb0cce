/**
 * The task pane's entry. Inside Excel it starts the pane on Office.js; inside the demo page
 * (addin:demo) on the Excel host simulator the page offers; anywhere else it says how to
 * sideload the add-in instead of failing.
 */
import { PaneApp } from './pane-app.js';
import type { PaneHost } from './pane-host.js';
import { addinText, toAddinLocale } from './text/addin-text.js';

const WORKER_URL = 'analysis-worker.js';
/** office.js answers onReady within a moment in a plain browser; this is the limit we wait. */
const OFFICE_READY_TIMEOUT_MS = 3000;

interface DemoWindow {
  pipecastDemoHost?: PaneHost;
}

function mountPoint(): HTMLElement {
  const root = document.getElementById('pane');
  if (root === null) throw new Error('taskpane.html has no #pane element');
  return root;
}

function showOutsideExcel(root: HTMLElement): void {
  const text = addinText(toAddinLocale(navigator.language), 'outsideExcel');
  const note = document.createElement('p');
  note.className = 'status';
  note.setAttribute('data-testid', 'outside-excel');
  note.textContent = text;
  root.replaceChildren(note);
}

/** The demo page's simulator host, when the pane is framed by it (same origin). */
function demoHost(): PaneHost | undefined {
  try {
    if (window.parent === window) return undefined;
    return (window.parent as unknown as DemoWindow).pipecastDemoHost;
  } catch {
    return undefined;
  }
}

function officeHost(): PaneHost {
  return {
    run: (batch) => Excel.run(batch),
    requirements: Office.context.requirements,
    displayLanguage: Office.context.displayLanguage,
    workerUrl: WORKER_URL,
  };
}

async function isInExcel(): Promise<boolean> {
  if (typeof Office === 'undefined') return false;
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS),
  );
  const info = await Promise.race([Office.onReady(), timeout]);
  return info !== null && info.host === Office.HostType.Excel;
}

async function main(): Promise<void> {
  const root = mountPoint();
  const demo = demoHost();
  const host = demo ?? ((await isInExcel()) ? officeHost() : undefined);
  if (host === undefined) {
    showOutsideExcel(root);
    return;
  }
  const app = new PaneApp(root, { ...host, workerUrl: host.workerUrl || WORKER_URL });
  app.render();
  await app.start();
}

void main();
