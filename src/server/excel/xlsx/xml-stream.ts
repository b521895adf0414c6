import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SaxesParser } from 'saxes';
import { readerLimits, type UploadLimits } from '../../../domain/shared/index.ts';
import type { AppError } from '../../errors.ts';
import { notXlsx, overLimit } from './refusals.ts';

/**
 * Streaming XML of one zip entry through saxes (the strict SAX parser exceljs itself uses), with the bounds
 * that make it safe on a hostile file: every inflated byte is counted against the 解压后内容 limit, a single
 * token (a text, a tag) may not grow past `maxToken` inside the parser, a DTD is refused (no entity
 * expansion), and the event loop gets a turn every megabyte, so that other requests are served meanwhile.
 */
export type XmlHandler = {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
};

/** The inflated bytes read by one pass over a workbook, against the limit. */
export class InflateBudget {
  private used = 0;
  private readonly max: number;
  constructor(readonly limits: UploadLimits) {
    this.max = readerLimits(limits).inflatedBytes;
  }
  /** Refuses before reading when the entries' declared sizes already exceed what is left. */
  reserve(declared: number): void {
    if (this.used + declared > this.max) throw overLimit('inflated', this.limits);
  }
  add(bytes: number): void {
    this.used += bytes;
    if (this.used > this.max) throw overLimit('inflated', this.limits);
  }
}

/** `x:row` and `row` alike: some writers prefix the spreadsheet namespace. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const TURN_BYTES = 1024 * 1024;

export type XmlOptions = {
  /** The most characters the parser may hold for one token. */
  readonly maxToken: number;
  readonly tokenTooLong?: () => AppError;
};

function parserFor(handler: XmlHandler, onEvent: () => void) {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('doctype', () => {
    failure ??= new Error('DTD');
  });
  parser.on('opentag', (tag) => {
    onEvent();
    handler.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('text', (text) => {
    onEvent();
    handler.text?.(text);
  });
  parser.on('cdata', (text) => {
    onEvent();
    handler.text?.(text);
  });
  parser.on('closetag', (tag) => {
    onEvent();
    handler.close?.(localName(tag.name));
  });
  return { parser, failure: () => failure };
}

/**
 * Feeds the entry to the handler; yields after each chunk, so that a caller can hand on what the handler
 * collected (rows) before more is read. A syntax error is a broken file (400 not_xlsx); an exception thrown by
 * the handler (a limit) passes through as it is.
 */
export async function* parseXml(
  stream: Readable,
  handler: XmlHandler,
  budget: InflateBudget,
  options: XmlOptions,
): AsyncGenerator<void> {
  let pending = 0;
  let sawEvent = false;
  const { parser, failure } = parserFor(handler, () => {
    sawEvent = true;
  });
  const decoder = new StringDecoder('utf8');
  let sinceTurn = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.add(chunk.length);
    sawEvent = false;
    parser.write(decoder.write(chunk));
    if (failure()) throw notXlsx();
    pending = sawEvent ? 0 : pending + chunk.length;
    if (pending > options.maxToken) throw options.tokenTooLong?.() ?? notXlsx();
    yield;
    sinceTurn += chunk.length;
    if (sinceTurn >= TURN_BYTES) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
  parser.write(decoder.end());
  parser.close();
  if (failure()) throw notXlsx();
}

/** Reads a small part to its end (relationships, workbook, styles, shared strings). */
export async function readXml(
  stream: Readable,
  handler: XmlHandler,
  budget: InflateBudget,
  options: XmlOptions,
): Promise<void> {
  for await (const _ of parseXml(stream, handler, budget, options));
}
