// A font with Chinese glyphs for the PDF, found at run time among the fonts Debian installs
// (fonts-noto-cjk, fonts-wqy-microhei; README: the same fonts the browser tests need). A .ttc holds
// several fonts: pdfkit needs the PostScript name of the one to use (TOOLCHAIN.md), else it fails with
// "createSubset is not a function". Without any, the PDF cannot be made, and the error says what to install.
import { existsSync } from 'node:fs';

export interface CjkFont {
  regular: { file: string; name: string };
  bold: { file: string; name: string } | null;
}

const NOTO = '/usr/share/fonts/opentype/noto';

const CANDIDATES: CjkFont[] = [
  {
    regular: { file: `${NOTO}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' },
    bold: { file: `${NOTO}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' },
  },
  { regular: { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' }, bold: null },
  { regular: { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' }, bold: null },
];

export class MissingCjkFontError extends Error {
  constructor() {
    super(
      'No Chinese (CJK) font is installed on the server, so the PDF cannot be made: install fonts-noto-cjk ' +
        '(or fonts-wqy-microhei) with apt-get. XLSX and CSV work without it.',
    );
  }
}

export function findCjkFont(candidates: CjkFont[] = CANDIDATES): CjkFont {
  const found = candidates.find((font) => existsSync(font.regular.file));
  if (!found) throw new MissingCjkFontError();
  return { regular: found.regular, bold: found.bold && existsSync(found.bold.file) ? found.bold : null };
}
