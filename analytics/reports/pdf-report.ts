// The cohort report as a PDF to file and print (pdfkit): A4, a title page with the scope, then each
// section with its chart (ECharts SVG drawn as vectors by svg-to-pdfkit) and its table; every page's
// footer carries the page number, the generation date and the data VERSION, so a printed page can be
// traced to the data it came from. Chinese needs a CJK font (cjk-font.ts).
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { formatCell, kindOf } from './cells.ts';
import { reportCharts } from './charts.ts';
import { findCjkFont } from './cjk-font.ts';
import { scopeLabel, type CohortReport, type ReportSection } from './cohort-report.ts';

const MARGIN = 50;
const FOOTER_SPACE = 36;
const ROW_HEIGHT = 15;
const TABLE_FONT_SIZE = 8;

type Doc = PDFKit.PDFDocument;

export function generationStamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export async function renderCohortPdf(report: CohortReport): Promise<Buffer> {
  const font = findCjkFont();
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `入学年级报告 ${scopeLabel(report.scope)}`, Author: '学籍洞察 Xueji Insight', Subject: `数据版本 ${report.version}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('cjk', font.regular.file, font.regular.name);
  doc.registerFont('cjk-bold', (font.bold ?? font.regular).file, (font.bold ?? font.regular).name);
  doc.font('cjk');

  titlePage(doc, report);
  const charts = reportCharts(report);
  report.sections.forEach((section, i) => {
    const chart = charts[section.id as keyof typeof charts];
    // Sections follow one another; one that would not fit its chart and a few rows starts a new page.
    const needed = (chart ? chart.height + 30 : 0) + 40 + ROW_HEIGHT * Math.min(6, section.rows.length + 1);
    if (i === 0 || doc.y + needed > bottomOf(doc)) {
      doc.addPage();
      doc.y = MARGIN;
    } else {
      doc.y += 24;
    }
    heading(doc, section.title);
    if (chart) {
      doc.font('cjk').fontSize(9).fillColor('#444').text(chart.title, { width: contentWidth(doc) });
      const y = doc.y + 4;
      SVGtoPDF(doc, chart.svg, MARGIN, y, { width: chart.width, height: chart.height, assumePt: true, fontCallback: () => 'cjk' });
      doc.y = y + chart.height + 10;
      doc.x = MARGIN;
    }
    table(doc, section);
    doc.moveDown(0.6).font('cjk').fontSize(8).fillColor('#555').text(section.note, MARGIN, doc.y, { width: contentWidth(doc) });
    if (section.rows.some((row) => row.suppressed)) {
      doc.moveDown(0.3).text('“—”：人数少于阈值而隐藏的单元格（小单元格抑制），或尚无法计算。', { width: contentWidth(doc) });
    }
  });
  footers(doc, report);
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN;
const bottomOf = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function titlePage(doc: Doc, report: CohortReport): void {
  const width = contentWidth(doc);
  doc.font('cjk-bold').fontSize(26).fillColor('#1f3864').text('入学年级报告', MARGIN, 170, { width, align: 'center' });
  doc.moveDown(0.4).font('cjk').fontSize(16).fillColor('#333').text(scopeLabel(report.scope), { width, align: 'center' });
  doc.moveDown(2).fontSize(11).fillColor('#000');
  const lines: [string, string][] = [
    ['入学年级', `${report.scope.cohort} 级`],
    ['学院', report.scope.college ?? '全校'],
    ['专业', report.scope.major ?? '全部专业'],
    ['数据截至', report.as_of],
    ['数据版本', report.version],
    ['生成时间', generationStamp(report.generated_at)],
  ];
  for (const [label, value] of lines) doc.text(`${label}：${value}`, MARGIN + 120, doc.y, { width: width - 240 });
  doc.moveDown(1.5).fontSize(10).fillColor('#333').text('目录', MARGIN + 120, doc.y);
  report.sections.forEach((section, i) => doc.text(`${i + 1}. ${section.title}`, MARGIN + 132, doc.y));
  if (report.suppression) {
    doc
      .moveDown(1.5)
      .fontSize(9)
      .fillColor('#555')
      .text(
        `本报告按您的角色执行小单元格抑制：人数少于 ${report.suppression.threshold} 的单元格及其互补单元格以“—”显示（共 ${report.suppression.cells} 个）。`,
        MARGIN + 120,
        doc.y,
        { width: width - 240 },
      );
  }
  doc.fillColor('#000');
}

function heading(doc: Doc, title: string): void {
  doc.font('cjk-bold').fontSize(15).fillColor('#1f3864').text(title, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4).fillColor('#000');
}

/** Column widths from the longest cell of each column, scaled to the page's width. */
function columnWidths(doc: Doc, section: ReportSection, texts: string[][]): number[] {
  doc.font('cjk').fontSize(TABLE_FONT_SIZE);
  const natural = section.columns.map((column, c) =>
    Math.min(160, Math.max(doc.widthOfString(column.label), ...texts.map((row) => doc.widthOfString(row[c]))) + 8),
  );
  const total = natural.reduce((a, b) => a + b, 0);
  const scale = contentWidth(doc) / total;
  return natural.map((w) => w * Math.min(scale, 1.6));
}

function table(doc: Doc, section: ReportSection): void {
  const texts = section.rows.map((row) => section.columns.map((column) => formatCell(row[column.key], kindOf(column, row))));
  const widths = columnWidths(doc, section, texts);
  const drawRow = (cells: string[], y: number, header: boolean) => {
    let x = MARGIN;
    if (header) doc.rect(MARGIN, y - 2, widths.reduce((a, b) => a + b, 0), ROW_HEIGHT).fill('#e8eef6');
    doc.fillColor('#000').font(header ? 'cjk-bold' : 'cjk').fontSize(TABLE_FONT_SIZE);
    cells.forEach((cell, c) => {
      const numeric = section.columns[c].kind !== 'text';
      doc.text(cell, x + 3, y + 1, { width: widths[c] - 6, height: ROW_HEIGHT, lineBreak: false, ellipsis: true, align: numeric ? 'right' : 'left' });
      x += widths[c];
    });
  };
  let y = doc.y + 4;
  drawRow(section.columns.map((column) => column.label), y, true);
  y += ROW_HEIGHT;
  if (texts.length === 0) {
    doc.font('cjk').fontSize(9).fillColor('#555').text('（无数据）', MARGIN + 3, y + 2);
    y += ROW_HEIGHT;
  }
  for (const cells of texts) {
    if (y + ROW_HEIGHT > bottomOf(doc)) {
      doc.addPage();
      y = MARGIN;
      drawRow(section.columns.map((column) => column.label), y, true);
      y += ROW_HEIGHT;
    }
    drawRow(cells, y, false);
    doc.moveTo(MARGIN, y + ROW_HEIGHT - 2).lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), y + ROW_HEIGHT - 2).lineWidth(0.3).strokeColor('#ccc').stroke();
    y += ROW_HEIGHT;
  }
  doc.x = MARGIN;
  doc.y = y + 2;
}

/** Page number, generation date and data version on every page (drawn once all pages exist). */
function footers(doc: Doc, report: CohortReport): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise open a new page
    doc
      .font('cjk')
      .fontSize(8)
      .fillColor('#666')
      .text(`第 ${i + 1} 页 / 共 ${count} 页 · 生成于 ${generationStamp(report.generated_at)} · 数据版本 ${report.version}`, MARGIN, doc.page.height - MARGIN, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
