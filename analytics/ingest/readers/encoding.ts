// Which character encoding a text file is in, and a UTF-8 copy when it is not UTF-8. Detected rather
// than assumed: a byte-order mark decides; otherwise valid UTF-8 is UTF-8, and anything else is tried as
// GB18030 (the national standard, a superset of GBK and GB2312, which Chinese office software writes as
// "ANSI"). A file that decodes cleanly as neither is refused; the sender or the archivist can name the
// encoding (override), which is then checked too.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import type { FileSniff } from '../sniff.ts';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const ALIASES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  ansi: 'gb18030',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16be': 'utf-16be',
};

export const ENCODING_NAMES = Object.keys(ALIASES);

/** Thrown when a file cannot be read as text in a known encoding; the message says what to do. */
export class EncodingProblem extends Error {}

export function parseEncoding(name: string): TextEncoding {
  const encoding = ALIASES[name.trim().toLowerCase()];
  if (!encoding) throw new EncodingProblem(`unknown encoding "${name}"; use one of ${ENCODING_NAMES.join(', ')}`);
  return encoding;
}

export interface EncodingChoice {
  encoding: TextEncoding;
  detected: boolean;
  /** How it was decided, for the report. */
  basis: string;
}

/** The encoding to read a file in; a GB18030 guess is confirmed by decoding (see decodeToUtf8). */
export function chooseEncoding(sniff: FileSniff, override?: string): EncodingChoice {
  if (override) {
    const encoding = parseEncoding(override);
    if (encoding === 'utf-8' && !sniff.utf8) {
      throw new EncodingProblem(`was declared UTF-8 but is not: the byte at offset ${sniff.firstInvalidUtf8} is not valid UTF-8 (is it GBK/GB18030?)`);
    }
    return { encoding, detected: false, basis: `declared as ${override}` };
  }
  if (sniff.bom === 'utf-16le' || sniff.bom === 'utf-16be') return { encoding: sniff.bom, detected: true, basis: 'byte-order mark' };
  if (sniff.utf8) return { encoding: 'utf-8', detected: true, basis: sniff.bom === 'utf-8' ? 'byte-order mark; valid UTF-8' : 'valid UTF-8 throughout' };
  if (sniff.hasNul) throw new EncodingProblem('holds NUL bytes and no byte-order mark: it is not a text file');
  return { encoding: 'gb18030', detected: true, basis: `not valid UTF-8 (first bad byte at offset ${sniff.firstInvalidUtf8}); decoded as GB18030 without errors` };
}

export interface Decoded {
  lineFeeds: number;
  hasQuote: boolean;
  /** Characters that could not be decoded (U+FFFD); a clean decode has none. */
  replacements: number;
}

/** Streams a file in the given encoding into a UTF-8 file (no BOM), counting what later steps need. */
export async function decodeToUtf8(source: string, encoding: TextEncoding, target: string): Promise<Decoded> {
  const decoder = iconv.decodeStream(encoding === 'utf-8' ? 'utf8' : encoding, { stripBOM: true });
  const output = createWriteStream(target);
  let lineFeeds = 0;
  let hasQuote = false;
  let replacements = 0;
  const input = createReadStream(source, { highWaterMark: 1 << 20 });
  // Either file's error ends the loop below through the decoder: an 'error' with no listener would
  // end the whole process (the server included), and the loop would wait forever.
  const fail = (error: Error) => (decoder as unknown as import('node:stream').Transform).destroy(error);
  input.on('error', fail);
  output.on('error', fail);
  input.pipe(decoder);
  try {
    for await (const chunk of decoder as AsyncIterable<string | Buffer>) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineFeeds++;
      for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) replacements++;
      if (!hasQuote && text.includes('"')) hasQuote = true;
      if (!output.write(text)) await once(output, 'drain');
    }
  } catch (error) {
    // Neither file stays open behind a failure.
    input.destroy();
    output.destroy();
    throw error;
  }
  const finished = once(output, 'finish');
  output.end();
  await finished;
  return { lineFeeds, hasQuote, replacements };
}
