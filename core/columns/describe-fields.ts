import type { FieldType } from './record-fields.js';
import { RECORD_FIELDS } from './record-fields.js';
import type { RecordKind } from './records.js';
import { PipecastError } from '../errors/pipecast-error.js';

/** One field of a record kind, as a column-mapping screen lists it. */
export interface FieldDescription {
  /** The record's property name (what a ColumnMapping's keys are). */
  field: string;
  type: FieldType;
  /** A row without a readable value in this column is dropped. */
  required: boolean;
  /** The header a user would type, in English and in Chinese. */
  label: { en: string; zh: string };
  /** Every header recognised for the field (matched case-, space- and punctuation-insensitively). */
  aliases: readonly string[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * The fields of a record kind with English and Chinese labels, in the order a mapping screen
 * shows them. Labels are the first English and the first Chinese header of the bilingual header
 * table (the most usual way each is typed).
 *
 * @param kind - deal, stageChange, orderLine, customer, invoice or payment.
 * @returns one description per field; required fields are flagged.
 * @throws PipecastError for an unknown kind
 * @example describeFields('deal').find((f) => f.field === 'stage')?.label // { en: 'Stage', zh: '阶段' }
 */
export function describeFields(kind: RecordKind): FieldDescription[] {
  const specs = RECORD_FIELDS[kind];
  if (specs === undefined)
    throw new PipecastError(
      'invalid-option',
      `describeFields: kind must be one of ${Object.keys(RECORD_FIELDS).join(', ')}, got ${String(kind)}`,
    );
  return specs.map((spec) => {
    const en = spec.aliases.find((alias) => !CJK.test(alias)) ?? spec.field;
    const zh = spec.aliases.find((alias) => CJK.test(alias)) ?? en;
    return {
      field: spec.field,
      type: spec.type,
      required: spec.required === true,
      label: { en: en.charAt(0).toUpperCase() + en.slice(1), zh },
      aliases: spec.aliases,
    };
  });
}
