import type { Parsed } from '../columns/parsed.js';
import { parseFailure, parsedValue } from '../columns/parsed.js';

/** Payment terms as a rule for the due date. */
export interface PaymentTerms {
  /** Days of credit after the start point. */
  days: number;
  /**
   * When true the days run from the end of the invoice month (月结 / EOM), not the invoice date:
   * "月结60天" on 2024-01-15 is due 2024-01-31 + 60 days = 2024-03-31.
   */
  monthEnd: boolean;
}

/** Longest credit period accepted: beyond this the text is more likely an amount or a date. */
const MAX_TERMS_DAYS = 3650;

const IMMEDIATE =
  /^(cod|c\.o\.d\.?|cashondelivery|cia|cashinadvance|dueonreceipt|uponreceipt|onreceipt|immediate|immediately|prepaid|prepayment|cash|货到付款|现结|现款|现金|款到发货|预付|预付款|即付)$/;

/**
 * Reads payment-terms text into a credit period.
 *
 * Accepted forms (case, spaces and full-width characters ignored): "net 30", "Net30", "N30", "n/30",
 * "30 days", "30", "60天", "30日", "2/10 net 30" (a cash discount: the net days count, 30),
 * "月结60天" / "月结60" / "EOM 60" / "net 60 EOM" (60 days after the end of the invoice month),
 * "月结" alone (end of the invoice month), and "COD" / "货到付款" / "due on receipt" / "现结" (0 days).
 *
 * Blank text gives `{ok: true, value: undefined}` (no terms). Anything else is not guessed at:
 * it gives `{ok: false, reason}` and the caller reports it as a DataWarning.
 *
 * @param text - The terms cell as typed.
 * @returns The parsed terms, undefined for blank text, or the reason it could not be read.
 * @example
 * parsePaymentTerms('月结60天'); // {ok: true, value: {days: 60, monthEnd: true}}
 */
export function parsePaymentTerms(text: string): Parsed<PaymentTerms> {
  const t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (t === '') return parsedValue(undefined);
  if (IMMEDIATE.test(t)) return parsedValue({ days: 0, monthEnd: false });

  let match = /^(?:月结|月結|eom)(?:(\d+)(?:天|日|days?)?)?$/.exec(t);
  if (match) return terms(match[1] === undefined ? 0 : Number(match[1]), true, text);
  match = /^(?:net|n)?(\d+)(?:天|日|days?)?eom$/.exec(t);
  if (match) return terms(Number(match[1]), true, text);

  // "2/10 net 30", "2%10net30", "2/10,n/30": discount for early payment; the net period is the due date.
  match = /^\d+(?:\.\d+)?%?\/?\d+(?:天|日|days?)?[,;，]?(?:net|n\/?)(\d+)(?:天|日|days?)?$/.exec(t);
  if (match) return terms(Number(match[1]), false, text);

  match = /^(?:net|n\/?|票到|票后|发票后|开票后|账期|帐期)?(\d+)(?:天|日|days?|d)?(?:net)?$/.exec(
    t,
  );
  if (match) return terms(Number(match[1]), false, text);

  return parseFailure(`payment terms '${text}' not recognised`);
}

function terms(days: number, monthEnd: boolean, text: string): Parsed<PaymentTerms> {
  if (!Number.isSafeInteger(days) || days > MAX_TERMS_DAYS) {
    return parseFailure(`payment terms '${text}' give ${days} days, more than ${MAX_TERMS_DAYS}`);
  }
  return parsedValue({ days, monthEnd });
}
