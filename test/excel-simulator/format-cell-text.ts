import { utcTimeFromSerial } from './cell-input.js';
import type { SimCellValue } from './workbook-model.js';

/**
 * Range.text for one cell: the value as its number format shows it. Covers General, text
 * (`@`), fixed decimals and thousands separators (`0.00`, `#,##0`), percentages and date/time
 * codes (`yyyy-mm-dd`, `m/d/yyyy`, `hh:mm`); other codes show as General. Column-width
 * effects (`####`) are not simulated.
 */
export function formatCellText(value: SimCellValue, format: string, date1904: boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (format === 'General' || format === '@' || section === '') return formatGeneral(value);
  if (/[ymdhs]/i.test(section)) return formatDate(value, section, date1904);
  const percent = section.includes('%');
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  const grouped = section.includes(',');
  const shown = percent ? value * 100 : value;
  const text = Math.abs(shown).toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return `${shown < 0 && Number(text.replace(/,/g, '')) !== 0 ? '-' : ''}${text}${percent ? '%' : ''}`;
}

/** General shows up to 11 significant characters, switching to scientific notation for very large or small numbers. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e11 || Math.abs(value) < 1e-9)) {
    const [mantissa = '', exponent = '0'] = value.toExponential(5).split('e');
    const power = Number(exponent);
    const digits = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    return `${digits}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  // Eleven characters in all: sign, integer digits (at least "0"), point and decimals.
  const integerDigits = Math.max(1, Math.floor(Math.log10(Math.abs(value))) + 1);
  const decimals = Math.max(0, 11 - integerDigits - 1 - (value < 0 ? 1 : 0));
  return String(Number(value.toFixed(decimals)));
}

function formatDate(serial: number, section: string, date1904: boolean): string {
  const date = new Date(utcTimeFromSerial(serial, date1904));
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const hasHours = /h/i.test(section);
  return section.replace(
    /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM/gi,
    (token, offset: number) => {
      const lower = token.toLowerCase();
      const minuteContext =
        hasHours &&
        (lower === 'mm' || lower === 'm') &&
        /h[^a-z]*$/i.test(section.slice(0, offset));
      switch (lower) {
        case 'yyyy':
          return String(date.getUTCFullYear());
        case 'yy':
          return pad(date.getUTCFullYear() % 100);
        case 'mmmm':
          return date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
        case 'mmm':
          return date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
        case 'mm':
          return minuteContext ? pad(date.getUTCMinutes()) : pad(date.getUTCMonth() + 1);
        case 'm':
          return minuteContext ? String(date.getUTCMinutes()) : String(date.getUTCMonth() + 1);
        case 'dddd':
          return date.toLocaleString('en-US', { weekday: 'long', timeZone: 'UTC' });
        case 'ddd':
          return date.toLocaleString('en-US', { weekday: 'short', timeZone: 'UTC' });
        case 'dd':
          return pad(date.getUTCDate());
        case 'd':
          return String(date.getUTCDate());
        case 'hh':
          return pad(date.getUTCHours());
        case 'h':
          return String(date.getUTCHours());
        case 'ss':
          return pad(date.getUTCSeconds());
        case 's':
          return String(date.getUTCSeconds());
        default:
          return date.getUTCHours() < 12 ? 'AM' : 'PM';
      }
    },
  );
}
