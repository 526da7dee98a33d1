// The cohort report as a workbook (exceljs): a sheet with the report's scope, then one sheet per
// section. Numbers are stored as numbers (rates as fractions with a percentage format, so a formula
// over them works); a hidden or unmeasurable cell is left empty; a censored rate keeps its mark
// ('<5%') as text. Header rows bold and frozen, column widths from the longest cell.
import ExcelJS from 'exceljs';
import { kindOf } from './cells.ts';
import { scopeLabel, type CohortReport, type ColumnKind } from './cohort-report.ts';
import { generationStamp } from './pdf-report.ts';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, int: '0', decimal: '0.00', rate: '0.0%' };

/** Display width of a cell's text: a Chinese character takes about two columns. */
const widthOf = (text: string) => [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

export async function renderCohortXlsx(report: CohortReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '学籍洞察 Xueji Insight';
  workbook.created = new Date(report.generated_at);

  const info = workbook.addWorksheet('报告信息');
  info.addRow(['项目', '内容']).font = { bold: true };
  for (const row of [
    ['报告', `入学年级报告 ${scopeLabel(report.scope)}`],
    ['入学年级', report.scope.cohort],
    ['学院', report.scope.college ?? '全校'],
    ['专业', report.scope.major ?? '全部专业'],
    ['数据截至', report.as_of],
    ['数据版本', report.version],
    ['生成时间', generationStamp(report.generated_at)],
    ['小单元格抑制', report.suppression ? `人数少于 ${report.suppression.threshold} 的单元格隐藏（留空），共 ${report.suppression.cells} 个` : '不适用（本角色看到未抑制的数字）'],
  ]) {
    info.addRow(row);
  }
  info.columns = [{ width: 14 }, { width: 70 }];

  for (const section of report.sections) {
    const sheet = workbook.addWorksheet(section.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    const header = sheet.addRow(section.columns.map((column) => column.label));
    header.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const widths = section.columns.map((column) => widthOf(column.label));
    for (const row of section.rows) {
      const added = sheet.addRow(section.columns.map((column) => {
        const value = row[column.key];
        return value === null || value === undefined ? null : (value as ExcelJS.CellValue);
      }));
      section.columns.forEach((column, c) => {
        const cell = added.getCell(c + 1);
        const format = NUMBER_FORMATS[kindOf(column, row)];
        if (typeof cell.value === 'number' && format) cell.numFmt = format;
        widths[c] = Math.max(widths[c], widthOf(cell.value === null ? '' : String(cell.value)));
      });
    }
    sheet.columns.forEach((column, c) => (column.width = Math.min(60, Math.max(8, widths[c] + 2))));
    sheet.addRow([]);
    sheet.addRow([section.note]).font = { italic: true, color: { argb: 'FF555555' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
