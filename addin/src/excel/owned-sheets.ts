import type { OutputAnalysis } from '../results/output-model.js';
import type { ApiSupport } from './api-support.js';

/**
 * Output sheets carry a marker that survives a rename: a worksheet custom property where the
 * host has them (ExcelApi 1.12), else an entry in the workbook's settings keyed by the
 * worksheet's id (ids stay the same when a sheet is renamed). A sheet without a marker is the
 * user's, whatever its name. A user's copy of an output sheet (Move or Copy → Create a copy)
 * inherits its custom properties but gets a new id, so the custom-property marker names the id
 * of the sheet it was written on and is trusted only on that sheet.
 */
export const OUTPUT_MARKER_KEY = 'pipecast.output';
export const OWNED_SHEETS_SETTING = 'pipecast.ownedSheets';

const ANALYSES: readonly OutputAnalysis[] = ['forecast', 'segment', 'aging'];

export interface WorkbookSheet {
  id: string;
  name: string;
  position: number;
  /** The analysis whose output this sheet is; null for the user's own sheets. */
  owner: OutputAnalysis | null;
}

/** The workbook's sheets, queued for the next sync; markers need one more sync on 1.12. */
export interface QueuedSheetList {
  /** Call after the first sync: queues the custom-property reads (ExcelApi 1.12). */
  queueMarkers(): void;
  /** Call after the sync that followed queueMarkers. */
  resolve(): WorkbookSheet[];
}

/** Queues the load of every sheet's id, name and position, and of the settings marker map. */
export function queueSheetList(context: Excel.RequestContext, api: ApiSupport): QueuedSheetList {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name,items/position');
  const setting = context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_SETTING);
  setting.load('value');
  const markers: Excel.WorksheetCustomProperty[] = [];
  return {
    queueMarkers: () => {
      if (!api.worksheetCustomProperties) return;
      for (const sheet of worksheets.items) {
        const marker = sheet.customProperties.getItemOrNullObject(OUTPUT_MARKER_KEY);
        marker.load('value');
        markers.push(marker);
      }
    },
    resolve: () => {
      const byId = setting.isNullObject ? {} : ownedMap(setting.value);
      return worksheets.items.map((sheet, i): WorkbookSheet => {
        const marker = markers[i];
        const marked =
          marker && !marker.isNullObject ? markedAnalysis(marker.value, sheet.id) : null;
        return {
          id: sheet.id,
          name: sheet.name,
          position: sheet.position,
          owner: marked ?? toAnalysis(byId[sheet.id]),
        };
      });
    },
  };
}

/** The settings' map of worksheet id → analysis, from its stored JSON (anything else: empty). */
export function ownedMap(value: unknown): Record<string, string> {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const map: Record<string, string> = {};
  for (const [id, analysis] of Object.entries(parsed)) {
    if (typeof analysis === 'string') map[id] = analysis;
  }
  return map;
}

function toAnalysis(value: unknown): OutputAnalysis | null {
  return ANALYSES.find((analysis) => analysis === value) ?? null;
}

/** The custom-property marker's value: the analysis and the id of the sheet it marks, as JSON. */
export function markerValue(analysis: OutputAnalysis, sheetId: string): string {
  return JSON.stringify({ analysis, sheetId });
}

/**
 * The analysis a custom-property marker names, when it was written on the sheet `sheetId`;
 * null for a marker copied onto another sheet (its id differs) or one that is not ours.
 */
export function markedAnalysis(value: unknown, sheetId: string): OutputAnalysis | null {
  if (typeof value !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const marker = parsed as { analysis?: unknown; sheetId?: unknown };
  return marker.sheetId === sheetId ? toAnalysis(marker.analysis) : null;
}

/**
 * Queues the marker of an output sheet whose id is known (after the sync that added it). On
 * ExcelApi 1.12 it is the sheet's custom property; the settings map is written by queueOwnedMap.
 */
export function queueMarker(
  sheet: Excel.Worksheet,
  analysis: OutputAnalysis,
  api: ApiSupport,
): void {
  if (api.worksheetCustomProperties)
    sheet.customProperties.add(OUTPUT_MARKER_KEY, markerValue(analysis, sheet.id));
}

/**
 * Queues the settings map of output sheets: the ones kept, plus the new ones by id. Written on
 * every host so a workbook moved to an older Excel still knows its output sheets.
 */
export function queueOwnedMap(
  context: Excel.RequestContext,
  owned: Readonly<Record<string, OutputAnalysis>>,
): void {
  context.workbook.settings.add(OWNED_SHEETS_SETTING, JSON.stringify(owned));
}

/**
 * A name for a new output sheet: `desired` when no remaining sheet has it (Excel compares sheet
 * names without case), else `desired (2)`, `(3)`, …
 */
export function freeSheetName(desired: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLocaleLowerCase()));
  if (!used.has(desired.toLocaleLowerCase())) return desired;
  for (let n = 2; ; n += 1) {
    const candidate = `${desired} (${n})`;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
