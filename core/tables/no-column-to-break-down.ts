import { type CodedText, coded } from '../text/coded-text.js';

/** Why a breakdown column was refused, as coded text: the column asked for and those there are. */
export function noColumnToBreakDown(column: string, names: readonly string[]): CodedText {
  return coded('error.noColumnToBreakDown', {
    column,
    columns: names.length === 0 ? coded('cli.none') : names.join(', '),
  });
}

/** A segmentation breakdown's refused column: only columns of the customers themselves serve. */
export function noCustomerColumn(column: string, names: readonly string[]): CodedText {
  return coded('error.noCustomerColumnToBreakDown', {
    column,
    columns: names.length === 0 ? coded('cli.none') : names.join(', '),
  });
}
