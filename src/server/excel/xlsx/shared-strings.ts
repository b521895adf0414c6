import {
  readerLimits,
  SHARED_STRING_OVERHEAD_BYTES,
  type UploadLimits,
} from '../../../domain/shared/index.ts';
import { overLimit } from './refusals.ts';
import type { XmlHandler } from './xml-stream.ts';

/**
 * The workbook's shared strings (sharedStrings.xml: every text cell points into it), kept in ONE growing
 * buffer of UTF-8 with an offset per string, never as a JS string per entry: its memory is what the
 * 共享字符串 limit says (text bytes plus 8 per string), and it cannot grow past it. exceljs's streaming reader
 * keeps every string as an object without limit, which is how a 2 MB upload took 1.6 GB.
 */
export class SharedStrings {
  private bytes = Buffer.alloc(64 * 1024);
  private used = 0;
  private ends = new Uint32Array(1024);
  private count = 0;
  private readonly max: number;

  constructor(private readonly limits: UploadLimits) {
    this.max = readerLimits(limits).sharedStringBytes;
  }

  get size(): number {
    return this.count;
  }

  /** The cost so far of a store holding `extra` more bytes in one more string. */
  private costWith(extra: number): number {
    return this.used + extra + (this.count + 1) * SHARED_STRING_OVERHEAD_BYTES;
  }

  /** Refuses as soon as a string being read would take the store past its limit. */
  checkPending(text: string): void {
    // A UTF-16 unit is at most 3 UTF-8 bytes; the exact count is taken when the string is added.
    if (this.costWith(text.length) > this.max) throw overLimit('sharedStrings', this.limits);
  }

  add(text: string): void {
    const length = Buffer.byteLength(text, 'utf8');
    if (this.costWith(length) > this.max) throw overLimit('sharedStrings', this.limits);
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.alloc(Math.min(Math.max(this.bytes.length * 2, this.used + length), this.max));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = this.used;
  }

  /** The i-th string, decoded on demand; undefined past the end (as Excel, a missing string is no value). */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const start = index === 0 ? 0 : (this.ends[index - 1] as number);
    return this.bytes.toString('utf8', start, this.ends[index]);
  }

  /**
   * sharedStrings.xml: `<si>` holds a `<t>` or rich-text runs `<r><t>…</t></r>`, whose texts join; the
   * phonetic guide `<rPh>` (furigana) is not part of the cell's text.
   */
  handler(): XmlHandler {
    let inItem = false;
    let inText = false;
    let phonetic = 0;
    let current = '';
    return {
      open: (name) => {
        if (name === 'si') {
          inItem = true;
          current = '';
        } else if (name === 'rPh') phonetic++;
        else if (name === 't' && inItem && phonetic === 0) inText = true;
      },
      text: (text) => {
        if (!inText) return;
        current += text;
        this.checkPending(current);
      },
      close: (name) => {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si' && inItem) {
          inItem = false;
          this.add(current);
          current = '';
        }
      },
    };
  }
}
