// One streaming pass over a received file, before anything interprets it: its SHA-256 and size (fixity),
// what its first bytes say it is (type and byte-order mark), whether it is valid UTF-8, and cheap facts
// that later steps use to skip work: whether it holds quote characters and how many line ends (when
// there are as many lines as records, a record's line is its number + 1 and nothing needs re-reading).
// Measured on 1.78 GB: reading 0.8 s, SHA-256 +1.9 s, UTF-8 check +0.1 s, line ends +0.5 s; a JS
// byte loop would cost +4 s, so everything per byte is done by native code.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export interface FileSniff {
  sha256: string;
  bytes: number;
  /** The first bytes, for magic-number checks. */
  head: Buffer;
  bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null;
  /** Valid UTF-8 throughout (a UTF-8 BOM is allowed). */
  utf8: boolean;
  /** Byte offset of the first invalid UTF-8 sequence, when not valid. */
  firstInvalidUtf8: number | null;
  hasNul: boolean;
  hasQuote: boolean;
  lineFeeds: number;
  endsWithNewline: boolean;
}

const HEAD_BYTES = 8;

export async function sniffFile(file: string, onBytes?: (bytes: number) => void): Promise<FileSniff> {
  const hash = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  let utf8 = true;
  let firstInvalidUtf8: number | null = null;
  let carry = Buffer.alloc(0);
  let hasNul = false;
  let hasQuote = false;
  let lineFeeds = 0;
  let lastByte = -1;

  for await (const raw of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const chunk = raw as Buffer;
    hash.update(chunk);
    if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
    if (utf8) {
      // A multi-byte character may straddle chunks: hold back an incomplete tail until the next one.
      const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeUtf8Prefix(joined);
      if (!isUtf8(joined.subarray(0, cut))) {
        utf8 = false;
        firstInvalidUtf8 = bytes - carry.length + firstInvalidOffset(joined.subarray(0, cut));
      }
      carry = Buffer.from(joined.subarray(cut));
    }
    if (!hasNul && chunk.indexOf(0) !== -1) hasNul = true;
    if (!hasQuote && chunk.indexOf(34) !== -1) hasQuote = true;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lineFeeds++;
    lastByte = chunk[chunk.length - 1];
    bytes += chunk.length;
    onBytes?.(bytes);
  }
  if (utf8 && carry.length > 0) {
    utf8 = false;
    firstInvalidUtf8 = bytes - carry.length;
  }
  return {
    sha256: hash.digest('hex'),
    bytes,
    head,
    bom: bomOf(head),
    utf8,
    firstInvalidUtf8,
    hasNul,
    hasQuote,
    lineFeeds,
    endsWithNewline: lastByte === 10 || lastByte === 13,
  };
}

function bomOf(head: Buffer): FileSniff['bom'] {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** Length of the longest prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeUtf8Prefix(buffer: Buffer): number {
  const n = buffer.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buffer[n - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? n - back : n;
  }
  return n;
}

/** Where in a buffer known to be invalid the first bad sequence starts (for the message). */
function firstInvalidOffset(buffer: Buffer): number {
  let low = 0;
  let high = buffer.length;
  // Binary search on prefixes, each cut at a character boundary.
  while (high - low > 4) {
    const mid = completeUtf8Prefix(buffer.subarray(0, (low + high) >> 1));
    if (mid <= low) break;
    if (isUtf8(buffer.subarray(0, mid))) low = mid;
    else high = mid;
  }
  return low;
}
