// Types for svg-to-pdfkit 0.1.8, which ships none: the one call the PDF report makes.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    /** Take the SVG's units as points (otherwise 1px = 0.75pt). */
    assumePt?: boolean;
    preserveAspectRatio?: string;
    /** The registered pdfkit font to use for an SVG font family. */
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
