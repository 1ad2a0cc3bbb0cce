import { describe, expect, it } from 'vitest';
import { WarningCollector } from '../../../core/columns/warning-collector.js';
import {
  coded,
  codedMessage,
  fieldTerm,
  reasonText,
  renderCoded,
  warningMessage,
} from '../../../core/text/coded-text.js';
import { RECORD_FIELDS } from '../../../core/columns/record-fields.js';
import { TEXT_CATALOGUE } from '../../../core/index.js';

const CJK = /[\u3400-\u9fff]/u;

describe('the warning, term and reason sections of TEXT_CATALOGUE', () => {
  it('give every warning a Chinese text, not the English one again', () => {
    for (const section of ['warning', 'term', 'reason'] as const) {
      for (const [name, entry] of Object.entries(TEXT_CATALOGUE[section])) {
        expect(entry.zh, `${section}.${name}`).toMatch(CJK);
        expect(entry.zh, `${section}.${name}`).not.toBe(entry.en);
      }
    }
  });

  it('name every field a record can have, so a warning never shows a bare field key in Chinese', () => {
    const fields = new Set(
      Object.values(RECORD_FIELDS).flatMap((specs) => specs.map((s) => s.field)),
    );
    for (const field of fields) expect(fieldTerm(field), field).not.toBe(field);
  });
});

describe('renderCoded', () => {
  it('renders nested texts and lists in the same language', () => {
    const text = coded('warning.missingRequiredColumn', {
      fields: [fieldTerm('invoice'), fieldTerm('invoiceDate')],
      kind: { key: 'term.kind_invoice' },
    });
    // The English is what record-reader wrote before the catalogue held it.
    expect(renderCoded(text, 'en')).toBe(
      'No column for invoice, invoiceDate, which invoice records need; map it to read this sheet.',
    );
    expect(renderCoded(text, 'zh')).toBe(
      '没有发票号、开票日期列，而发票数据需要该列；请用 --config 映射该列后再读取此工作表。',
    );
  });

  it('codedMessage keeps the English message and the key together', () => {
    const { text, message } = codedMessage('warning.orphanStageChanges', { count: 3 });
    expect(message).toBe(
      '3 stage change(s) name a deal id that is not in the pipeline; they are ignored',
    );
    expect(warningMessage({ message, text }, 'zh')).toBe(
      '3 条阶段变更记录的商机编号不在商机清单中；已忽略',
    );
    // A warning built without a key (outside core) shows its message as written.
    expect(warningMessage({ message: 'as written' }, 'zh')).toBe('as written');
  });
});

describe('reasonText', () => {
  it('translates the parsers’ fixed reasons and the ones with a value in them', () => {
    expect(renderCoded(reasonText('text is not a number') as never, 'zh')).toBe('文本不是数字');
    expect(renderCoded(reasonText('Excel error #N/A') as never, 'zh')).toBe('Excel 错误 #N/A');
    expect(renderCoded(reasonText("payment terms 'net sixty' not recognised") as never, 'zh')).toBe(
      '无法识别账期“net sixty”',
    );
    expect(reasonText('something new')).toBe('something new');
  });
});

describe('WarningCollector summaries', () => {
  it('say "n more like this" in either language', () => {
    const warnings = new WarningCollector({}, 1);
    for (let row = 2; row <= 4; row++)
      warnings.report({
        code: 'unreadable-value',
        ...codedMessage('warning.unreadableOptional', {
          column: 'Amount',
          reason: reasonText('text is not a number'),
        }),
        action: 'value ignored',
        row,
        column: 'Amount',
      });
    const summary = warnings.finish().at(-1)!;
    // 3 warnings, cap 1: 2 left out.
    expect(summary.message).toBe(
      '… and 2 more like this: "unreadable-value" in column Amount (value ignored)',
    );
    expect(warningMessage(summary, 'zh')).toBe(
      '…… 另有 2 条同类警告：列 Amount 中的“unreadable-value”类警告（已忽略该值）',
    );
  });
});
