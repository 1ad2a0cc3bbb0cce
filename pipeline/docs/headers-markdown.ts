import {
  describeFields,
  LOST_STAGE_NAMES,
  RECORD_KINDS,
  type RecordKind,
  STAGE_TEMPLATES,
  WON_STAGE_NAMES,
} from '../../core/index.js';

/** The kinds of sheet, as a reader knows them, in both languages. */
const KIND_TITLES: Record<RecordKind, string> = {
  deal: 'Deals (pipeline) / 商机',
  stageChange: 'Stage changes (history) / 阶段变更记录',
  orderLine: 'Order lines / 订单明细',
  customer: 'Customers / 客户',
  invoice: 'Invoices / 发票',
  payment: 'Payments / 回款',
};

const INTRO = [
  '# Recognised headers and stage names / 可识别的列名与阶段名称',
  '',
  '<!-- Generated from core/columns/record-fields.ts and core/funnel/stage-templates.ts by',
  '     `npm run docs:headers`; test/pipeline/docs checks it is up to date. Do not edit by hand. -->',
  '',
  'pipecast finds columns by their header, in English or Chinese. Case, spaces and punctuation',
  'do not matter, and a note in brackets is ignored ("Amount (USD)" reads as "amount"). A header',
  'that is not listed can be mapped with `columns` in the config file (see docs/pipecast.schema.json).',
  '',
  'pipecast 按表头识别列，中英文均可；大小写、空格和标点不影响识别，括号中的说明会被忽略。',
  '未列出的表头可以在配置文件的 `columns` 中指定。',
  '',
];

/** Markdown cell text: a pipe would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function fieldTable(kind: RecordKind): string[] {
  const rows = describeFields(kind).map(
    (field) =>
      `| ${field.field} | ${cell(field.label.en)} / ${cell(field.label.zh)} | ${field.required ? 'yes / 是' : ''} | ${field.aliases.map((alias) => `\`${cell(alias)}\``).join(', ')} |`,
  );
  return [
    `### ${KIND_TITLES[kind]}`,
    '',
    '| Field / 字段 | Usual header / 常用表头 | Required / 必需 | Headers recognised / 可识别的表头 |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

function stageTables(): string[] {
  const lines: string[] = ['## Stage templates / 阶段模板', ''];
  for (const template of Object.values(STAGE_TEMPLATES)) {
    lines.push(
      `### ${template.name} / ${template.nameZh} (\`--template ${template.key}\`)`,
      '',
      '| # | Stage / 阶段 | Win rate / 赢率 | Category / 预测类别 | Also recognised / 其他写法 |',
      '| --- | --- | --- | --- | --- |',
      ...template.stages.map(
        (stage) =>
          `| ${stage.order + 1} | ${cell(stage.name)} / ${cell(stage.nameZh)} | ${stage.rate === undefined ? 'learned / 从历史学习' : `${Math.round(stage.rate * 100)}%`} | ${stage.category} | ${stage.aliases.map((alias) => `\`${cell(alias)}\``).join(', ')} |`,
      ),
      '',
    );
  }
  lines.push(
    '## Closed stages / 已关闭阶段',
    '',
    `- Won / 赢单: ${WON_STAGE_NAMES.map((name) => `\`${name}\``).join(', ')}`,
    `- Lost / 丢单: ${LOST_STAGE_NAMES.map((name) => `\`${name}\``).join(', ')}`,
    '',
  );
  return lines;
}

/**
 * docs/headers.md: every header pipecast recognises, by kind of sheet, and every stage name of
 * its templates, in English and Chinese, from the tables the readers use.
 *
 * @returns the page's Markdown text.
 */
export function headersMarkdown(): string {
  return [
    ...INTRO,
    '## Headers by kind of sheet / 各类工作表的表头',
    '',
    ...RECORD_KINDS.flatMap((kind) => fieldTable(kind)),
    ...stageTables(),
  ].join('\n');
}
