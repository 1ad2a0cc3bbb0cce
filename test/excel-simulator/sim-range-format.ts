/// <reference types="office-js" />
import { rectContains, rectsOverlap, type CellRect } from './cell-address.js';
import { formatCellText } from './format-cell-text.js';
import type { SimRequestContext } from './sim-context.js';
import { SimProxy, type PropertyTable } from './sim-proxy.js';
import type { RangeTarget } from './range-target.js';
import { cellFormat, cellValue } from './sheet-cells.js';
import type { SheetModel } from './workbook-model.js';

/** Excel's defaults: Calibri 11, black text, no fill (reported as white), 8.43 characters = 48 points wide. */
const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_ROW_HEIGHT = 15;

/**
 * A formatting property of a rectangle: the latest layer covering all of it, or null when a
 * later layer covers only part of it (Excel reports null for a mixed range).
 */
export function layerValue(
  sheet: SheetModel,
  rect: CellRect,
  property: string,
  fallback: unknown,
): unknown {
  for (let i = sheet.formatLayers.length - 1; i >= 0; i--) {
    const layer = sheet.formatLayers[i]!;
    if (layer.property !== property || !rectsOverlap(layer.rect, rect)) continue;
    return rectContains(layer.rect, rect) ? layer.value : null;
  }
  return fallback;
}

function layered<Value>(property: string, fallback: Value): PropertyTable<RangeTarget>[string] {
  return {
    read: (t) => layerValue(t.sheet, t.rect, property, fallback),
    write: (t, value) => void t.sheet.formatLayers.push({ rect: t.rect, property, value }),
  };
}

abstract class SimFormatPart extends SimProxy<RangeTarget> {
  constructor(context: SimRequestContext, locate: () => RangeTarget | null) {
    super(context, locate);
  }

  /** Sets several properties at once (`format.set({ font: { bold: true } })`). */
  set(properties: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(properties)) {
      const child = this.navigation(name);
      if (child instanceof SimFormatPart) child.set(value as Record<string, unknown>);
      else this.queueWrite(name, value);
    }
  }
}

const FONT_PROPERTIES: PropertyTable<RangeTarget> = {
  bold: layered('font.bold', false),
  italic: layered('font.italic', false),
  color: layered('font.color', '#000000'),
  name: layered('font.name', 'Calibri'),
  size: layered('font.size', 11),
  underline: layered('font.underline', 'None'),
  strikethrough: layered('font.strikethrough', false),
};

export class SimRangeFont
  extends SimFormatPart
  implements Pick<Excel.RangeFont, 'bold' | 'italic' | 'color' | 'name' | 'size'>
{
  readonly typeName = 'RangeFont';
  protected get properties(): PropertyTable<RangeTarget> {
    return FONT_PROPERTIES;
  }
  get bold(): boolean {
    return this.loaded('bold');
  }
  set bold(value: boolean) {
    this.queueWrite('bold', value);
  }
  get italic(): boolean {
    return this.loaded('italic');
  }
  set italic(value: boolean) {
    this.queueWrite('italic', value);
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(value: string) {
    this.queueWrite('color', value);
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.queueWrite('name', value);
  }
  get size(): number {
    return this.loaded('size');
  }
  set size(value: number) {
    this.queueWrite('size', value);
  }
  get underline(): string {
    return this.loaded('underline');
  }
  set underline(value: string) {
    this.queueWrite('underline', value);
  }
  get strikethrough(): boolean {
    return this.loaded('strikethrough');
  }
  set strikethrough(value: boolean) {
    this.queueWrite('strikethrough', value);
  }
}

const FILL_PROPERTIES: PropertyTable<RangeTarget> = {
  color: layered('fill.color', '#FFFFFF'),
  pattern: layered('fill.pattern', 'None'),
};

export class SimRangeFill
  extends SimFormatPart
  implements Pick<Excel.RangeFill, 'color' | 'clear'>
{
  readonly typeName = 'RangeFill';
  protected get properties(): PropertyTable<RangeTarget> {
    return FILL_PROPERTIES;
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(value: string) {
    this.queueWrite('color', value);
  }
  get pattern(): string {
    return this.loaded('pattern');
  }
  set pattern(value: string) {
    this.queueWrite('pattern', value);
  }
  clear(): void {
    this.queueCall('clear', undefined, (t) => {
      t.sheet.formatLayers.push({ rect: t.rect, property: 'fill.color', value: '#FFFFFF' });
    });
  }
}

function borderProperties(edge: string): PropertyTable<RangeTarget> {
  return {
    style: layered(`borders.${edge}.style`, 'None'),
    color: layered(`borders.${edge}.color`, '#000000'),
    weight: layered(`borders.${edge}.weight`, 'Thin'),
    sideIndex: { read: () => edge },
  };
}

export class SimRangeBorder
  extends SimFormatPart
  implements Pick<Excel.RangeBorder, 'style' | 'color' | 'weight'>
{
  readonly typeName = 'RangeBorder';
  readonly #properties: PropertyTable<RangeTarget>;
  constructor(context: SimRequestContext, locate: () => RangeTarget | null, edge: string) {
    super(context, locate);
    this.#properties = borderProperties(edge);
  }
  protected get properties(): PropertyTable<RangeTarget> {
    return this.#properties;
  }
  get style(): Excel.BorderLineStyle {
    return this.loaded('style');
  }
  set style(value: Excel.BorderLineStyle) {
    this.queueWrite('style', value);
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(value: string) {
    this.queueWrite('color', value);
  }
  get weight(): Excel.BorderWeight {
    return this.loaded('weight');
  }
  set weight(value: Excel.BorderWeight) {
    this.queueWrite('weight', value);
  }
}

export class SimRangeBorderCollection extends SimFormatPart {
  readonly typeName = 'RangeBorderCollection';
  protected get properties(): PropertyTable<RangeTarget> {
    return {};
  }
  getItem(index: Excel.BorderIndex | string): SimRangeBorder {
    return new SimRangeBorder(this.context, () => this.resolveTarget(), String(index));
  }
}

/** Column widths autofit from the longest shown text: about 5.6 points per character plus padding (Calibri 11). */
function autofitWidth(
  sheet: SheetModel,
  column: number,
  rect: CellRect,
  date1904: boolean,
): number {
  let longest = 0;
  for (let r = rect.top; r <= Math.min(rect.bottom, sheet.rows.length - 1); r++) {
    const value = cellValue(sheet, r, column);
    if (value !== '')
      longest = Math.max(
        longest,
        formatCellText(value, cellFormat(sheet, r, column), date1904).length,
      );
  }
  return longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.round((longest * 5.6 + 7) * 4) / 4;
}

const FORMAT_PROPERTIES: PropertyTable<RangeTarget> = {
  columnWidth: {
    read: (t) => {
      const width = t.sheet.columnWidths.get(t.rect.left) ?? DEFAULT_COLUMN_WIDTH;
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        if ((t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) !== width) return null;
      }
      return width;
    },
    write: (t, value) => {
      if (typeof value !== 'number' || value < 0)
        throw new TypeError(`columnWidth must be a non-negative number, not ${String(value)}`);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, value);
    },
  },
  rowHeight: layered('rowHeight', DEFAULT_ROW_HEIGHT),
  horizontalAlignment: layered('horizontalAlignment', 'General'),
  verticalAlignment: layered('verticalAlignment', 'Bottom'),
  wrapText: layered('wrapText', false),
};

export class SimRangeFormat
  extends SimFormatPart
  implements
    Pick<
      Excel.RangeFormat,
      'columnWidth' | 'rowHeight' | 'wrapText' | 'autofitColumns' | 'autofitRows'
    >
{
  readonly typeName = 'RangeFormat';
  protected get properties(): PropertyTable<RangeTarget> {
    return FORMAT_PROPERTIES;
  }

  protected override navigation(name: string): SimProxy<unknown> | undefined {
    if (name === 'font') return this.font as SimProxy<unknown>;
    if (name === 'fill') return this.fill as SimProxy<unknown>;
    return undefined;
  }

  #font: SimRangeFont | undefined;
  get font(): SimRangeFont {
    return (this.#font ??= new SimRangeFont(this.context, () => this.resolveTarget()));
  }
  #fill: SimRangeFill | undefined;
  get fill(): SimRangeFill {
    return (this.#fill ??= new SimRangeFill(this.context, () => this.resolveTarget()));
  }
  #borders: SimRangeBorderCollection | undefined;
  get borders(): SimRangeBorderCollection {
    return (this.#borders ??= new SimRangeBorderCollection(this.context, () =>
      this.resolveTarget(),
    ));
  }

  get columnWidth(): number {
    return this.loaded('columnWidth');
  }
  set columnWidth(value: number) {
    this.queueWrite('columnWidth', value);
  }
  get rowHeight(): number {
    return this.loaded('rowHeight');
  }
  set rowHeight(value: number) {
    this.queueWrite('rowHeight', value);
  }
  get horizontalAlignment(): Excel.HorizontalAlignment | string {
    return this.loaded('horizontalAlignment');
  }
  set horizontalAlignment(value: Excel.HorizontalAlignment | string) {
    this.queueWrite('horizontalAlignment', value);
  }
  get verticalAlignment(): Excel.VerticalAlignment | string {
    return this.loaded('verticalAlignment');
  }
  set verticalAlignment(value: Excel.VerticalAlignment | string) {
    this.queueWrite('verticalAlignment', value);
  }
  get wrapText(): boolean {
    return this.loaded('wrapText');
  }
  set wrapText(value: boolean) {
    this.queueWrite('wrapText', value);
  }

  /** Fits each column of the range to its longest shown text. */
  autofitColumns(): void {
    this.queueCall('autofitColumns', undefined, (t) => {
      for (let c = t.rect.left; c <= Math.min(t.rect.right, 16_383); c++) {
        t.sheet.columnWidths.set(c, autofitWidth(t.sheet, c, t.rect, t.host.model.date1904));
      }
    });
  }

  autofitRows(): void {
    this.queueCall('autofitRows', undefined, (t) => {
      t.sheet.formatLayers.push({ rect: t.rect, property: 'rowHeight', value: DEFAULT_ROW_HEIGHT });
    });
  }
}
