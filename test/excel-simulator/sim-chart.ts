/// <reference types="office-js" />
import { formatAddress, rectColumnCount, rectRowCount } from './cell-address.js';
import { ChartType } from './excel-enums.js';
import { SimRichApiError } from './rich-api-error.js';
import type { SimRequestContext } from './sim-context.js';
import { SimClientResult, SimCollection, SimProxy, type PropertyTable } from './sim-proxy.js';
import type { RangeTarget } from './range-target.js';
import { recordedObject, type RecordedObject } from './recorded-object.js';
import { asSimRange, type SimRange } from './sim-range.js';
import { cellValue } from './sheet-cells.js';
import { nextModelId, sameName, type ChartModel, type SheetModel } from './workbook-model.js';

const CHART_TYPES = new Set<string>(Object.values(ChartType));
const CONTAINERS = new Set([
  'title',
  'format',
  'font',
  'fill',
  'border',
  'line',
  'axes',
  'categoryAxis',
  'valueAxis',
  'seriesAxis',
  'majorGridlines',
  'minorGridlines',
  'legend',
  'dataLabels',
  'plotArea',
  'numberFormat',
]);

interface ChartEntity {
  readonly sheet: SheetModel;
  readonly chart: ChartModel;
}

/**
 * Series by rows or columns: 'Auto' follows Excel's rule of thumb, one series per column when
 * the source has at least as many rows as columns. The first row (or column) names the series
 * when it holds text.
 */
function seriesOf(target: RangeTarget, seriesBy: string): { seriesBy: string; names: string[] } {
  const { sheet, rect } = target;
  const byColumns =
    seriesBy === 'Columns' || (seriesBy !== 'Rows' && rectRowCount(rect) >= rectColumnCount(rect));
  const labelsFirst =
    typeof cellValue(sheet, rect.top + (byColumns ? 1 : 0), rect.left + (byColumns ? 0 : 1)) ===
    'string';
  const names: string[] = [];
  const count = byColumns ? rectColumnCount(rect) : rectRowCount(rect);
  for (let i = labelsFirst ? 1 : 0; i < count; i++) {
    const header = byColumns
      ? cellValue(sheet, rect.top, rect.left + i)
      : cellValue(sheet, rect.top + i, rect.left);
    names.push(typeof header === 'string' && header !== '' ? header : `Series${names.length + 1}`);
  }
  return { seriesBy: byColumns ? 'Columns' : 'Rows', names };
}

/** Excel.Chart: type, name and position; title, axes, legend and series settings are recorded on the model. */
export class SimChart
  extends SimProxy<ChartEntity>
  implements
    Pick<Excel.Chart, 'id' | 'name' | 'chartType' | 'top' | 'left' | 'width' | 'height' | 'delete'>
{
  readonly typeName = 'Chart';

  constructor(
    context: SimRequestContext,
    locate: () => ChartEntity | null,
    instantiateAt?: string,
    payload?: unknown,
  ) {
    super(context, locate, instantiateAt === undefined ? {} : { instantiateAt, payload });
  }

  protected get properties(): PropertyTable<ChartEntity> {
    const position = (
      key: 'top' | 'left' | 'width' | 'height',
    ): PropertyTable<ChartEntity>[string] => ({
      read: (e) => e.chart.position[key],
      write: (e, value) => void (e.chart.position[key] = Number(value)),
    });
    return {
      id: { read: (e) => e.chart.id },
      name: { read: (e) => e.chart.name, write: (e, value) => void (e.chart.name = String(value)) },
      chartType: {
        read: (e) => e.chart.chartType,
        write: (e, value) => void (e.chart.chartType = checkChartType(value)),
      },
      top: position('top'),
      left: position('left'),
      width: position('width'),
      height: position('height'),
    };
  }

  get id(): string {
    return this.loaded('id');
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.queueWrite('name', value);
  }
  get chartType(): Excel.ChartType | `${Excel.ChartType}` {
    return this.loaded('chartType');
  }
  set chartType(value: Excel.ChartType | `${Excel.ChartType}`) {
    this.queueWrite('chartType', value);
  }
  get top(): number {
    return this.loaded('top');
  }
  set top(value: number) {
    this.queueWrite('top', value);
  }
  get left(): number {
    return this.loaded('left');
  }
  set left(value: number) {
    this.queueWrite('left', value);
  }
  get width(): number {
    return this.loaded('width');
  }
  set width(value: number) {
    this.queueWrite('width', value);
  }
  get height(): number {
    return this.loaded('height');
  }
  set height(value: number) {
    this.queueWrite('height', value);
  }

  private part(name: string): RecordedObject {
    return recordedObject(
      this.context,
      'Chart',
      () => this.target().chart.properties,
      CONTAINERS,
      `${name}.`,
    );
  }

  get title(): RecordedObject {
    return this.part('title');
  }
  get axes(): RecordedObject {
    return this.part('axes');
  }
  get legend(): RecordedObject {
    return this.part('legend');
  }
  get dataLabels(): RecordedObject {
    return this.part('dataLabels');
  }
  get format(): RecordedObject {
    return this.part('format');
  }
  get plotArea(): RecordedObject {
    return this.part('plotArea');
  }

  #series: SimChartSeriesCollection | undefined;
  get series(): SimChartSeriesCollection {
    return (this.#series ??= new SimChartSeriesCollection(this.context, () => this.target().chart));
  }

  /** Places the chart over cells (`'E2'`, `'L20'`). */
  setPosition(
    startCell: Excel.Range | SimRange | string,
    endCell?: Excel.Range | SimRange | string,
  ): void {
    const address = (cell: Excel.Range | SimRange | string): string =>
      typeof cell === 'string' ? cell : 'Range';
    this.queueCall('setPosition', [address(startCell), endCell && address(endCell)], (e) => {
      const text = (cell: Excel.Range | SimRange | string): string => {
        if (typeof cell === 'string') return cell;
        const target = asSimRange(cell).target();
        return formatAddress(target.sheet.name, target.rect);
      };
      e.chart.anchor = {
        startCell: text(startCell),
        ...(endCell === undefined ? {} : { endCell: text(endCell) }),
      };
    });
  }

  delete(): void {
    this.queueCall('delete', undefined, ({ sheet, chart }) => {
      sheet.charts = sheet.charts.filter((item) => item !== chart);
    });
  }
}

function checkChartType(type: unknown): string {
  if (typeof type !== 'string' || !CHART_TYPES.has(type) || type === 'Invalid') {
    throw new SimRichApiError('InvalidArgument', {
      message: `'${String(type)}' is not a chart type.`,
    });
  }
  return type;
}

/** A chart's series: count, and each one's recorded settings (`getItemAt(0).name = 'Won'`). */
export class SimChartSeriesCollection extends SimProxy<ChartModel> {
  readonly typeName = 'ChartSeriesCollection';

  constructor(context: SimRequestContext, chart: () => ChartModel) {
    super(context, chart);
  }

  protected get properties(): PropertyTable<ChartModel> {
    return { count: { read: (chart) => chart.seriesNames.length } };
  }

  get count(): number {
    return this.loaded('count');
  }

  getCount(): SimClientResult<number> {
    return new SimClientResult(
      this.context,
      'ChartSeriesCollection.getCount',
      () => this.target().seriesNames.length,
    );
  }

  /** ExcelApi 1.7: a new, empty series; give it data with `setValues(range)`. */
  add(name?: string): RecordedObject {
    let index = -1;
    this.queueCall('add', name, (chart) => {
      chart.seriesNames.push(name ?? `Series${chart.seriesNames.length + 1}`);
      index = chart.seriesNames.length - 1;
    });
    return recordedObject(
      this.context,
      'ChartSeries',
      () => this.target().properties,
      CONTAINERS,
      () => `series.${index}.`,
    );
  }

  getItemAt(index: number): RecordedObject {
    return recordedObject(
      this.context,
      'ChartSeries',
      () => this.target().properties,
      CONTAINERS,
      `series.${index}.`,
    );
  }
}

/** Excel.ChartCollection of a worksheet. */
export class SimChartCollection extends SimCollection<ChartEntity, SimChart> {
  readonly typeName = 'ChartCollection';

  constructor(
    context: SimRequestContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => {
      const model = sheet();
      return model.charts.map((chart) => ({ sheet: model, chart }));
    });
  }

  protected makeItem(entity: ChartEntity): SimChart {
    return new SimChart(this.context, () => entity);
  }

  get count(): number {
    return this.items.length;
  }

  /** Adds a chart of `type` over `sourceData`, series by 'Auto' (default), 'Rows' or 'Columns'. */
  add(
    type: Excel.ChartType | string,
    sourceData: Excel.Range | SimRange,
    seriesBy: Excel.ChartSeriesBy | string = 'Auto',
  ): SimChart {
    return new SimChart(
      this.context,
      () => {
        const sheet = this.sheet();
        const source = asSimRange(sourceData).target();
        const series = seriesOf(source, seriesBy);
        const chart: ChartModel = {
          id: nextModelId(this.context.host.model),
          name: `Chart ${sheet.charts.length + 1}`,
          chartType: checkChartType(type),
          sourceAddress: formatAddress(source.sheet.name, source.rect),
          seriesBy: series.seriesBy,
          seriesNames: series.names,
          properties: {},
          position: { top: 0, left: 0, width: 360, height: 216 },
        };
        sheet.charts.push(chart);
        return { sheet, chart };
      },
      'ChartCollection.add',
      [type, seriesBy],
    );
  }

  getItem(name: string): SimChart {
    return new SimChart(
      this.context,
      () => {
        const found = this.target().find((entity) => sameName(entity.chart.name, name));
        if (!found)
          throw new SimRichApiError('ItemNotFound', {
            message: `The chart '${name}' doesn't exist.`,
          });
        return found;
      },
      'ChartCollection.getItem',
      name,
    );
  }

  getItemAt(index: number): SimChart {
    return new SimChart(
      this.context,
      () => {
        const found = this.target()[index];
        if (!found)
          throw new SimRichApiError('InvalidArgument', {
            message: `There is no chart at index ${index}.`,
          });
        return found;
      },
      'ChartCollection.getItemAt',
      index,
    );
  }
}
