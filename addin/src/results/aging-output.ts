import type { AgingRun, AgingSection } from '../../../core/index.js';
import type { AddinLocale, AddinTextKey } from '../text/addin-text.js';
import { addinText } from '../text/addin-text.js';
import { columnOf, OVERDUE_FILL, OVERDUE_FONT } from './forecast-output.js';
import type { NotePlaces } from './notes-of.js';
import { asOfNote, notesColumns, notesOf } from './notes-of.js';
import type { OutputColumn, OutputHeadline, OutputSheet, OutputTable } from './output-model.js';

/** Customers in the stacked aging chart: the largest balances. */
const AGING_CHART_ROWS = 20;
/** Position of the Overdue column after the bucket columns (credits, open, not yet due, overdue). */
const OVERDUE_AFTER_BUCKETS = 4;

/**
 * The Aging sheet: buckets per currency, customers with what they owe per bucket and their
 * credits apart (overdue highlighted; the stacked chart plots the buckets of the first rows), the collection priority
 * list, and a note per warning.
 */
export function agingOutput(run: AgingRun, locale: AddinLocale, places: NotePlaces): OutputSheet {
  const text = (key: AddinTextKey) => addinText(locale, key);
  const sections = run.result?.sections ?? [];
  const labels = sections[0]?.buckets.map((b) => b.label) ?? [];
  const customers = customersTable(sections, labels, locale);
  return {
    analysis: 'aging',
    name: text('sheetAging'),
    headline: headlineOf(sections, locale),
    asOf: run.result === null ? null : asOfNote(run.result.asOf, run.asOfSource === 'data', locale),
    tables: [bucketsTable(sections, locale), customers, priorityTable(sections, locale)],
    charts:
      labels.length === 0
        ? []
        : [
            {
              title: text('chartAging'),
              type: 'columnStacked',
              table: customers.id,
              category: 0,
              series: labels.map((_, i) => i + 1),
              maxRows: AGING_CHART_ROWS,
            },
          ],
    notes: notesOf(run.warnings, places, locale),
    notesTitle: text('tableNotes'),
    notesColumns: notesColumns(locale),
  };
}

function headlineOf(sections: readonly AgingSection[], locale: AddinLocale): OutputHeadline[] {
  return sections.flatMap((s) => {
    const unit = s.currency ? ` (${s.currency})` : '';
    return [
      {
        label: `${addinText(locale, 'headlineOpen')}${unit}`,
        value: s.totals.open,
        format: 'money',
      },
      {
        label: `${addinText(locale, 'headlineOverdue')}${unit}`,
        value: s.totals.overdue,
        format: 'money',
      },
      {
        label: `${addinText(locale, 'headlineDso')}${unit}`,
        value: s.dso.standard === null ? null : Math.round(s.dso.standard * 10) / 10,
        format: 'number',
      },
    ] satisfies OutputHeadline[];
  });
}

function bucketsTable(sections: readonly AgingSection[], locale: AddinLocale): OutputTable {
  return {
    id: 'aging-buckets',
    title: addinText(locale, 'tableBuckets'),
    columns: [
      columnOf(locale, 'colBucket', 'text'),
      columnOf(locale, 'colAmount', 'money'),
      columnOf(locale, 'colItems', 'integer'),
      columnOf(locale, 'colCurrency', 'text'),
    ],
    // What is owed per bucket, the credits on their own row, and the open balance they add up to.
    rows: sections.flatMap((s) => [
      ...s.buckets.map((b) => [b.label, b.owed, b.count - b.creditCount, s.currency ?? '']),
      ...(s.totals.credit < 0
        ? [
            [
              addinText(locale, 'colCredits'),
              s.totals.credit,
              s.buckets.reduce((items, b) => items + b.creditCount, 0),
              s.currency ?? '',
            ],
          ]
        : []),
      [addinText(locale, 'colTotal'), s.totals.open, s.totals.openItems, s.currency ?? ''],
    ]),
  };
}

function customersTable(
  sections: readonly AgingSection[],
  labels: readonly string[],
  locale: AddinLocale,
): OutputTable {
  const bucketColumns = labels.map((label): OutputColumn => ({ label, format: 'money' }));
  return {
    id: 'aging-customers',
    title: addinText(locale, 'tableAgingCustomers'),
    columns: [
      columnOf(locale, 'colCustomer', 'text'),
      ...bucketColumns,
      columnOf(locale, 'colCredits', 'money'),
      columnOf(locale, 'colOpen', 'money'),
      columnOf(locale, 'colNotYetDue', 'money'),
      columnOf(locale, 'colOverdue', 'money'),
      columnOf(locale, 'colUnapplied', 'money'),
      columnOf(locale, 'colCurrency', 'text'),
    ],
    // Σ buckets (what is owed, the chart's stacks) + credits = open = not yet due + overdue.
    rows: sections.flatMap((s) =>
      s.customers.map((c) => [
        c.id,
        ...labels.map((label) => c.buckets[label] ?? 0),
        c.credit,
        c.open,
        c.notYetDue,
        c.overdue,
        c.unapplied,
        s.currency ?? '',
      ]),
    ),
    highlight: {
      column: labels.length + OVERDUE_AFTER_BUCKETS,
      greaterThan: 0,
      fill: OVERDUE_FILL,
      font: OVERDUE_FONT,
    },
  };
}

function priorityTable(sections: readonly AgingSection[], locale: AddinLocale): OutputTable {
  return {
    id: 'aging-priority',
    title: addinText(locale, 'tablePriority'),
    columns: [
      columnOf(locale, 'colRank', 'integer'),
      columnOf(locale, 'colCustomer', 'text'),
      columnOf(locale, 'colOwner', 'text'),
      columnOf(locale, 'colOverdue', 'money'),
      columnOf(locale, 'colMaxDaysPastDue', 'integer'),
      columnOf(locale, 'colDisputed', 'text'),
      columnOf(locale, 'colCurrency', 'text'),
    ],
    rows: sections.flatMap((s) =>
      s.priority.map((e) => [
        e.rank,
        e.customer,
        e.owner,
        e.overdue,
        e.maxDaysPastDue,
        e.disputed ? '✓' : '',
        s.currency ?? '',
      ]),
    ),
  };
}
