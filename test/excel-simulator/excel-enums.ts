/// <reference types="office-js" />
// Members of the Excel enums the simulator offers at run time, as @types/office-js declares them;
// the `satisfies` clauses fail the type check if a name or value drifts from the typings.

export const ChartType = {
  invalid: 'Invalid',
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  columnStacked100: 'ColumnStacked100',
  _3DColumnClustered: '3DColumnClustered',
  _3DColumnStacked: '3DColumnStacked',
  _3DColumnStacked100: '3DColumnStacked100',
  barClustered: 'BarClustered',
  barStacked: 'BarStacked',
  barStacked100: 'BarStacked100',
  _3DBarClustered: '3DBarClustered',
  _3DBarStacked: '3DBarStacked',
  _3DBarStacked100: '3DBarStacked100',
  lineStacked: 'LineStacked',
  lineStacked100: 'LineStacked100',
  lineMarkers: 'LineMarkers',
  lineMarkersStacked: 'LineMarkersStacked',
  lineMarkersStacked100: 'LineMarkersStacked100',
  pieOfPie: 'PieOfPie',
  pieExploded: 'PieExploded',
  _3DPieExploded: '3DPieExploded',
  barOfPie: 'BarOfPie',
  xyscatterSmooth: 'XYScatterSmooth',
  xyscatterSmoothNoMarkers: 'XYScatterSmoothNoMarkers',
  xyscatterLines: 'XYScatterLines',
  xyscatterLinesNoMarkers: 'XYScatterLinesNoMarkers',
  areaStacked: 'AreaStacked',
  areaStacked100: 'AreaStacked100',
  _3DAreaStacked: '3DAreaStacked',
  _3DAreaStacked100: '3DAreaStacked100',
  doughnutExploded: 'DoughnutExploded',
  radarMarkers: 'RadarMarkers',
  radarFilled: 'RadarFilled',
  surface: 'Surface',
  surfaceWireframe: 'SurfaceWireframe',
  surfaceTopView: 'SurfaceTopView',
  surfaceTopViewWireframe: 'SurfaceTopViewWireframe',
  bubble: 'Bubble',
  bubble3DEffect: 'Bubble3DEffect',
  stockHLC: 'StockHLC',
  stockOHLC: 'StockOHLC',
  stockVHLC: 'StockVHLC',
  stockVOHLC: 'StockVOHLC',
  cylinderColClustered: 'CylinderColClustered',
  cylinderColStacked: 'CylinderColStacked',
  cylinderColStacked100: 'CylinderColStacked100',
  cylinderBarClustered: 'CylinderBarClustered',
  cylinderBarStacked: 'CylinderBarStacked',
  cylinderBarStacked100: 'CylinderBarStacked100',
  cylinderCol: 'CylinderCol',
  coneColClustered: 'ConeColClustered',
  coneColStacked: 'ConeColStacked',
  coneColStacked100: 'ConeColStacked100',
  coneBarClustered: 'ConeBarClustered',
  coneBarStacked: 'ConeBarStacked',
  coneBarStacked100: 'ConeBarStacked100',
  coneCol: 'ConeCol',
  pyramidColClustered: 'PyramidColClustered',
  pyramidColStacked: 'PyramidColStacked',
  pyramidColStacked100: 'PyramidColStacked100',
  pyramidBarClustered: 'PyramidBarClustered',
  pyramidBarStacked: 'PyramidBarStacked',
  pyramidBarStacked100: 'PyramidBarStacked100',
  pyramidCol: 'PyramidCol',
  _3DColumn: '3DColumn',
  line: 'Line',
  _3DLine: '3DLine',
  _3DPie: '3DPie',
  pie: 'Pie',
  xyscatter: 'XYScatter',
  _3DArea: '3DArea',
  area: 'Area',
  doughnut: 'Doughnut',
  radar: 'Radar',
  histogram: 'Histogram',
  boxwhisker: 'Boxwhisker',
  pareto: 'Pareto',
  regionMap: 'RegionMap',
  treemap: 'Treemap',
  waterfall: 'Waterfall',
  sunburst: 'Sunburst',
  funnel: 'Funnel',
} as const satisfies { [K in keyof typeof Excel.ChartType]: `${(typeof Excel.ChartType)[K]}` };

export const ChartSeriesBy = {
  auto: 'Auto',
  columns: 'Columns',
  rows: 'Rows',
} as const satisfies {
  [K in keyof typeof Excel.ChartSeriesBy]: `${(typeof Excel.ChartSeriesBy)[K]}`;
};

export const ChartLegendPosition = {
  invalid: 'Invalid',
  top: 'Top',
  bottom: 'Bottom',
  left: 'Left',
  right: 'Right',
  corner: 'Corner',
  custom: 'Custom',
} as const satisfies {
  [K in keyof typeof Excel.ChartLegendPosition]: `${(typeof Excel.ChartLegendPosition)[K]}`;
};

export const ChartDataLabelPosition = {
  invalid: 'Invalid',
  none: 'None',
  center: 'Center',
  insideEnd: 'InsideEnd',
  insideBase: 'InsideBase',
  outsideEnd: 'OutsideEnd',
  left: 'Left',
  right: 'Right',
  top: 'Top',
  bottom: 'Bottom',
  bestFit: 'BestFit',
  callout: 'Callout',
} as const satisfies {
  [K in keyof typeof Excel.ChartDataLabelPosition]: `${(typeof Excel.ChartDataLabelPosition)[K]}`;
};

export const ChartAxisType = {
  invalid: 'Invalid',
  category: 'Category',
  value: 'Value',
  series: 'Series',
} as const satisfies {
  [K in keyof typeof Excel.ChartAxisType]: `${(typeof Excel.ChartAxisType)[K]}`;
};

export const ChartAxisGroup = {
  primary: 'Primary',
  secondary: 'Secondary',
} as const satisfies {
  [K in keyof typeof Excel.ChartAxisGroup]: `${(typeof Excel.ChartAxisGroup)[K]}`;
};

export const ConditionalFormatType = {
  custom: 'Custom',
  dataBar: 'DataBar',
  colorScale: 'ColorScale',
  iconSet: 'IconSet',
  topBottom: 'TopBottom',
  presetCriteria: 'PresetCriteria',
  containsText: 'ContainsText',
  cellValue: 'CellValue',
} as const satisfies {
  [K in keyof typeof Excel.ConditionalFormatType]: `${(typeof Excel.ConditionalFormatType)[K]}`;
};

export const ConditionalCellValueOperator = {
  invalid: 'Invalid',
  between: 'Between',
  notBetween: 'NotBetween',
  equalTo: 'EqualTo',
  notEqualTo: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThanOrEqual: 'LessThanOrEqual',
} as const satisfies {
  [
    K in keyof typeof Excel.ConditionalCellValueOperator
  ]: `${(typeof Excel.ConditionalCellValueOperator)[K]}`;
};

export const ConditionalTextOperator = {
  invalid: 'Invalid',
  contains: 'Contains',
  notContains: 'NotContains',
  beginsWith: 'BeginsWith',
  endsWith: 'EndsWith',
} as const satisfies {
  [K in keyof typeof Excel.ConditionalTextOperator]: `${(typeof Excel.ConditionalTextOperator)[K]}`;
};

export const ConditionalFormatColorCriterionType = {
  invalid: 'Invalid',
  lowestValue: 'LowestValue',
  highestValue: 'HighestValue',
  number: 'Number',
  percent: 'Percent',
  formula: 'Formula',
  percentile: 'Percentile',
} as const satisfies {
  [
    K in keyof typeof Excel.ConditionalFormatColorCriterionType
  ]: `${(typeof Excel.ConditionalFormatColorCriterionType)[K]}`;
};

export const ConditionalFormatRuleType = {
  invalid: 'Invalid',
  automatic: 'Automatic',
  lowestValue: 'LowestValue',
  highestValue: 'HighestValue',
  number: 'Number',
  percent: 'Percent',
  formula: 'Formula',
  percentile: 'Percentile',
} as const satisfies {
  [
    K in keyof typeof Excel.ConditionalFormatRuleType
  ]: `${(typeof Excel.ConditionalFormatRuleType)[K]}`;
};

export const ConditionalDataBarAxisFormat = {
  automatic: 'Automatic',
  none: 'None',
  cellMidPoint: 'CellMidPoint',
} as const satisfies {
  [
    K in keyof typeof Excel.ConditionalDataBarAxisFormat
  ]: `${(typeof Excel.ConditionalDataBarAxisFormat)[K]}`;
};

export const ConditionalDataBarDirection = {
  context: 'Context',
  leftToRight: 'LeftToRight',
  rightToLeft: 'RightToLeft',
} as const satisfies {
  [
    K in keyof typeof Excel.ConditionalDataBarDirection
  ]: `${(typeof Excel.ConditionalDataBarDirection)[K]}`;
};

export const ConditionalTopBottomCriterionType = {
  invalid: 'Invalid',
  topItems: 'TopItems',
  topPercent: 'TopPercent',
  bottomItems: 'BottomItems',
  bottomPercent: 'BottomPercent',
} as const satisfies {
  [
    K in keyof typeof Excel.ConditionalTopBottomCriterionType
  ]: `${(typeof Excel.ConditionalTopBottomCriterionType)[K]}`;
};

export const ConditionalFormatPresetCriterion = {
  invalid: 'Invalid',
  blanks: 'Blanks',
  nonBlanks: 'NonBlanks',
  errors: 'Errors',
  nonErrors: 'NonErrors',
  yesterday: 'Yesterday',
  today: 'Today',
  tomorrow: 'Tomorrow',
  lastSevenDays: 'LastSevenDays',
  lastWeek: 'LastWeek',
  thisWeek: 'ThisWeek',
  nextWeek: 'NextWeek',
  lastMonth: 'LastMonth',
  thisMonth: 'ThisMonth',
  nextMonth: 'NextMonth',
  aboveAverage: 'AboveAverage',
  belowAverage: 'BelowAverage',
  equalOrAboveAverage: 'EqualOrAboveAverage',
  equalOrBelowAverage: 'EqualOrBelowAverage',
  oneStdDevAboveAverage: 'OneStdDevAboveAverage',
  oneStdDevBelowAverage: 'OneStdDevBelowAverage',
  twoStdDevAboveAverage: 'TwoStdDevAboveAverage',
  twoStdDevBelowAverage: 'TwoStdDevBelowAverage',
  threeStdDevAboveAverage: 'ThreeStdDevAboveAverage',
  threeStdDevBelowAverage: 'ThreeStdDevBelowAverage',
  uniqueValues: 'UniqueValues',
  duplicateValues: 'DuplicateValues',
} as const satisfies {
  [
    K in keyof typeof Excel.ConditionalFormatPresetCriterion
  ]: `${(typeof Excel.ConditionalFormatPresetCriterion)[K]}`;
};

export const ConditionalFormatDirection = {
  top: 'Top',
  bottom: 'Bottom',
} as const satisfies {
  [
    K in keyof typeof Excel.ConditionalFormatDirection
  ]: `${(typeof Excel.ConditionalFormatDirection)[K]}`;
};

export const HorizontalAlignment = {
  general: 'General',
  left: 'Left',
  center: 'Center',
  right: 'Right',
  fill: 'Fill',
  justify: 'Justify',
  centerAcrossSelection: 'CenterAcrossSelection',
  distributed: 'Distributed',
} as const satisfies {
  [K in keyof typeof Excel.HorizontalAlignment]: `${(typeof Excel.HorizontalAlignment)[K]}`;
};

export const VerticalAlignment = {
  top: 'Top',
  center: 'Center',
  bottom: 'Bottom',
  justify: 'Justify',
  distributed: 'Distributed',
} as const satisfies {
  [K in keyof typeof Excel.VerticalAlignment]: `${(typeof Excel.VerticalAlignment)[K]}`;
};

export const SheetVisibility = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
} as const satisfies {
  [K in keyof typeof Excel.SheetVisibility]: `${(typeof Excel.SheetVisibility)[K]}`;
};

export const ClearApplyTo = {
  all: 'All',
  formats: 'Formats',
  contents: 'Contents',
  hyperlinks: 'Hyperlinks',
  removeHyperlinks: 'RemoveHyperlinks',
  resetContents: 'ResetContents',
} as const satisfies {
  [K in keyof typeof Excel.ClearApplyTo]: `${(typeof Excel.ClearApplyTo)[K]}`;
};

export const BorderIndex = {
  edgeTop: 'EdgeTop',
  edgeBottom: 'EdgeBottom',
  edgeLeft: 'EdgeLeft',
  edgeRight: 'EdgeRight',
  insideVertical: 'InsideVertical',
  insideHorizontal: 'InsideHorizontal',
  diagonalDown: 'DiagonalDown',
  diagonalUp: 'DiagonalUp',
} as const satisfies { [K in keyof typeof Excel.BorderIndex]: `${(typeof Excel.BorderIndex)[K]}` };

export const BorderLineStyle = {
  none: 'None',
  continuous: 'Continuous',
  dash: 'Dash',
  dashDot: 'DashDot',
  dashDotDot: 'DashDotDot',
  dot: 'Dot',
  double: 'Double',
  slantDashDot: 'SlantDashDot',
} as const satisfies {
  [K in keyof typeof Excel.BorderLineStyle]: `${(typeof Excel.BorderLineStyle)[K]}`;
};

export const BorderWeight = {
  hairline: 'Hairline',
  thin: 'Thin',
  medium: 'Medium',
  thick: 'Thick',
} as const satisfies {
  [K in keyof typeof Excel.BorderWeight]: `${(typeof Excel.BorderWeight)[K]}`;
};

export const RangeValueType = {
  unknown: 'Unknown',
  empty: 'Empty',
  string: 'String',
  integer: 'Integer',
  double: 'Double',
  boolean: 'Boolean',
  error: 'Error',
  richValue: 'RichValue',
} as const satisfies {
  [K in keyof typeof Excel.RangeValueType]: `${(typeof Excel.RangeValueType)[K]}`;
};

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  conflict: 'Conflict',
  dirtySupportingFormula: 'DirtySupportingFormula',
  emptyChartSeries: 'EmptyChartSeries',
  filteredRangeConflict: 'FilteredRangeConflict',
  formulaLengthExceedsLimit: 'FormulaLengthExceedsLimit',
  generalException: 'GeneralException',
  inactiveWorkbook: 'InactiveWorkbook',
  insertDeleteConflict: 'InsertDeleteConflict',
  invalidArgument: 'InvalidArgument',
  invalidBinding: 'InvalidBinding',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  mergedRangeConflict: 'MergedRangeConflict',
  nonBlankCellOffSheet: 'NonBlankCellOffSheet',
  notImplemented: 'NotImplemented',
  openWorkbookLinksBlocked: 'OpenWorkbookLinksBlocked',
  operationCellsExceedLimit: 'OperationCellsExceedLimit',
  pivotTableRangeConflict: 'PivotTableRangeConflict',
  powerQueryRefreshResourceChallenge: 'PowerQueryRefreshResourceChallenge',
  rangeExceedsLimit: 'RangeExceedsLimit',
  rangeImageExceedsLimit: 'RangeImageExceedsLimit',
  refreshWorkbookLinksBlocked: 'RefreshWorkbookLinksBlocked',
  requestAborted: 'RequestAborted',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  unsupportedFeature: 'UnsupportedFeature',
  unsupportedFillType: 'UnsupportedFillType',
  unsupportedOperation: 'UnsupportedOperation',
  unsupportedSheet: 'UnsupportedSheet',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
} as const satisfies { [K in keyof typeof Excel.ErrorCodes]: `${(typeof Excel.ErrorCodes)[K]}` };

export const NamedItemType = {
  string: 'String',
  integer: 'Integer',
  double: 'Double',
  boolean: 'Boolean',
  range: 'Range',
  error: 'Error',
  array: 'Array',
} as const satisfies {
  [K in keyof typeof Excel.NamedItemType]: `${(typeof Excel.NamedItemType)[K]}`;
};

export const DeleteShiftDirection = {
  up: 'Up',
  left: 'Left',
} as const satisfies {
  [K in keyof typeof Excel.DeleteShiftDirection]: `${(typeof Excel.DeleteShiftDirection)[K]}`;
};

export const InsertShiftDirection = {
  down: 'Down',
  right: 'Right',
} as const satisfies {
  [K in keyof typeof Excel.InsertShiftDirection]: `${(typeof Excel.InsertShiftDirection)[K]}`;
};

export const CalculationMode = {
  automatic: 'Automatic',
  automaticExceptTables: 'AutomaticExceptTables',
  manual: 'Manual',
} as const satisfies {
  [K in keyof typeof Excel.CalculationMode]: `${(typeof Excel.CalculationMode)[K]}`;
};

export const EventSource = {
  local: 'Local',
  remote: 'Remote',
} as const satisfies { [K in keyof typeof Excel.EventSource]: `${(typeof Excel.EventSource)[K]}` };

export const EventType = {
  worksheetChanged: 'WorksheetChanged',
  worksheetSelectionChanged: 'WorksheetSelectionChanged',
  worksheetAdded: 'WorksheetAdded',
  worksheetActivated: 'WorksheetActivated',
  worksheetDeactivated: 'WorksheetDeactivated',
  tableChanged: 'TableChanged',
  tableSelectionChanged: 'TableSelectionChanged',
  worksheetDeleted: 'WorksheetDeleted',
  chartAdded: 'ChartAdded',
  chartActivated: 'ChartActivated',
  chartDeactivated: 'ChartDeactivated',
  chartDeleted: 'ChartDeleted',
  worksheetCalculated: 'WorksheetCalculated',
  visualSelectionChanged: 'VisualSelectionChanged',
  tableAdded: 'TableAdded',
  tableDeleted: 'TableDeleted',
  tableFiltered: 'TableFiltered',
  worksheetFiltered: 'WorksheetFiltered',
  shapeActivated: 'ShapeActivated',
  shapeDeactivated: 'ShapeDeactivated',
  visualChange: 'VisualChange',
  workbookAutoSaveSettingChanged: 'WorkbookAutoSaveSettingChanged',
  worksheetFormatChanged: 'WorksheetFormatChanged',
  ribbonCommandExecuted: 'RibbonCommandExecuted',
  worksheetRowSorted: 'WorksheetRowSorted',
  worksheetColumnSorted: 'WorksheetColumnSorted',
  worksheetSingleClicked: 'WorksheetSingleClicked',
  worksheetRowHiddenChanged: 'WorksheetRowHiddenChanged',
  commentAdded: 'CommentAdded',
  commentDeleted: 'CommentDeleted',
  commentChanged: 'CommentChanged',
  worksheetFormulaChanged: 'WorksheetFormulaChanged',
  workbookActivated: 'WorkbookActivated',
  linkedWorkbookWorkbookLinksChanged: 'LinkedWorkbookWorkbookLinksChanged',
  linkedWorkbookRefreshCompleted: 'LinkedWorkbookRefreshCompleted',
  worksheetProtectionChanged: 'WorksheetProtectionChanged',
  worksheetNameChanged: 'WorksheetNameChanged',
  worksheetVisibilityChanged: 'WorksheetVisibilityChanged',
  worksheetMoved: 'WorksheetMoved',
  linkedEntityDataDomainLinkedEntityDataDomainAdded:
    'LinkedEntityDataDomainLinkedEntityDataDomainAdded',
  linkedEntityDataDomainRefreshCompleted: 'LinkedEntityDataDomainRefreshCompleted',
  linkedEntityDataDomainRefreshModeChanged: 'LinkedEntityDataDomainRefreshModeChanged',
  linkedEntityDataDomainLinkedEntityCellValueLoaded:
    'LinkedEntityDataDomainLinkedEntityCellValueLoaded',
} as const satisfies { [K in keyof typeof Excel.EventType]: `${(typeof Excel.EventType)[K]}` };

export const DataChangeType = {
  unknown: 'Unknown',
  rangeEdited: 'RangeEdited',
  rowInserted: 'RowInserted',
  rowDeleted: 'RowDeleted',
  columnInserted: 'ColumnInserted',
  columnDeleted: 'ColumnDeleted',
  cellInserted: 'CellInserted',
  cellDeleted: 'CellDeleted',
} as const satisfies {
  [K in keyof typeof Excel.DataChangeType]: `${(typeof Excel.DataChangeType)[K]}`;
};

export const RangeUnderlineStyle = {
  none: 'None',
  single: 'Single',
  double: 'Double',
  singleAccountant: 'SingleAccountant',
  doubleAccountant: 'DoubleAccountant',
} as const satisfies {
  [K in keyof typeof Excel.RangeUnderlineStyle]: `${(typeof Excel.RangeUnderlineStyle)[K]}`;
};

export const DocumentPropertyType = {
  number: 'Number',
  boolean: 'Boolean',
  date: 'Date',
  string: 'String',
  float: 'Float',
} as const satisfies {
  [K in keyof typeof Excel.DocumentPropertyType]: `${(typeof Excel.DocumentPropertyType)[K]}`;
};

export const WorksheetPositionType = {
  none: 'None',
  before: 'Before',
  after: 'After',
  beginning: 'Beginning',
  end: 'End',
} as const satisfies {
  [K in keyof typeof Excel.WorksheetPositionType]: `${(typeof Excel.WorksheetPositionType)[K]}`;
};
