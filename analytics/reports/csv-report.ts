// The cohort report as one CSV file (UTF-8 with BOM, so Excel opens the Chinese): the report's scope,
// then each section one after another — a title row, the header row, the rows, a note row — with an
// empty line between. Values raw (rates as fractions, like the API's CSV); a hidden cell is empty.
import { csvLine, UTF8_BOM } from './csv.ts';
import { scopeLabel, type CohortReport } from './cohort-report.ts';

export function renderCohortCsv(report: CohortReport): Buffer {
  let text = UTF8_BOM;
  text += csvLine([`入学年级报告 ${scopeLabel(report.scope)}`]);
  text += csvLine(['入学年级', report.scope.cohort]);
  text += csvLine(['学院', report.scope.college ?? '全校']);
  text += csvLine(['专业', report.scope.major ?? '全部专业']);
  text += csvLine(['数据截至', report.as_of]);
  text += csvLine(['数据版本', report.version]);
  text += csvLine(['生成时间', report.generated_at]);
  if (report.suppression) text += csvLine(['小单元格抑制', `人数少于 ${report.suppression.threshold} 的单元格留空，共 ${report.suppression.cells} 个`]);
  for (const section of report.sections) {
    text += '\r\n';
    text += csvLine([section.title]);
    text += csvLine(section.columns.map((column) => column.label));
    for (const row of section.rows) text += csvLine(section.columns.map((column) => row[column.key]));
    text += csvLine([section.note]);
  }
  return Buffer.from(text, 'utf8');
}
