import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium (Skia) writes it, for the browser tests that print to PDF: no PDF library is
 * among the dependencies, and this much suffices for Skia's output — objects with direct `/Length`s, Flate
 * streams, text shown as hex strings (`<…> Tj`, `[…] TJ`) in fonts whose `/ToUnicode` CMaps give the characters.
 * Text objects (`BT`) are separated by a newline; nothing else of the layout is kept.
 */
export type PdfText = { readonly pages: number; readonly text: string };

type PdfObject = { readonly dict: string; readonly stream?: Buffer };

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*<<([\s\S]*?)>>\s*(stream\r?\n|endobj)/g;
  for (let m = head.exec(src); m !== null; m = head.exec(src)) {
    const [, id, dict = '', tail] = m;
    if (!tail?.startsWith('stream')) {
      objects.set(Number(id), { dict });
      continue;
    }
    const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1] ?? Number.NaN);
    if (!Number.isFinite(length)) throw new Error(`object ${id}: a stream without a direct /Length`);
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(id), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
    head.lastIndex = start + length;
  }
  return objects;
}

const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

type CMap = { readonly bytes: number; readonly map: Map<number, string> };

function parseCMap(text: string): CMap {
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  const bytes = space?.[1] ? space[1].length / 2 : 2;
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src = '', dst = ''] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(Number.parseInt(src, 16), utf16(dst));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const ranges = (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g);
    for (const [, lo = '', hi = '', dst = ''] of ranges) {
      const first = Number.parseInt(dst, 16);
      for (let c = Number.parseInt(lo, 16), k = 0; c <= Number.parseInt(hi, 16); c++, k++) {
        map.set(c, String.fromCharCode(first + k));
      }
    }
  }
  return { bytes, map };
}

function decode(hex: string, cmap: CMap | undefined): string {
  if (!cmap) return '';
  let out = '';
  const step = cmap.bytes * 2;
  for (let i = 0; i + step <= hex.length; i += step) {
    out += cmap.map.get(Number.parseInt(hex.slice(i, i + step), 16)) ?? '\uFFFD';
  }
  return out;
}

/** Shows the hex strings of one content stream through the fonts its page names. */
function showText(content: string, fonts: Map<string, CMap>): string {
  let font: CMap | undefined;
  let out = '';
  let lastName = '';
  let pending: string[] = [];
  const tokens = /\/([^\s/<>[\]()]+)|<([0-9A-Fa-f\s]*)>|(\[)|(\])|([A-Za-z*'"]+)|[-+.\d]+/g;
  for (let m = tokens.exec(content); m !== null; m = tokens.exec(content)) {
    const [, name, hex, , , op] = m;
    if (name !== undefined) lastName = name;
    else if (hex !== undefined) pending.push(hex.replace(/\s/g, ''));
    else if (op === 'Tf') font = fonts.get(lastName);
    else if (op === 'BT') out += '\n';
    else if (op === 'Tj' || op === 'TJ' || op === "'" || op === '"') {
      out += pending.map((h) => decode(h, font)).join('');
      pending = [];
    } else if (op !== undefined) pending = [];
  }
  return out;
}

function refs(list: string): number[] {
  return [...list.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
}

/** The pages of the PDF in order and the text on them. */
export function pdfText(pdf: Buffer): PdfText {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  const objects = objectsOf(pdf);
  const cmaps = new Map<number, CMap>();
  for (const [id, o] of objects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(o.dict)?.[1];
    const stream = toUnicode ? objects.get(Number(toUnicode))?.stream : undefined;
    if (stream) cmaps.set(id, parseCMap(stream.toString('latin1')));
  }
  const tree = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict));
  const kids = refs(/\/Kids \[([^\]]*)\]/.exec(tree?.dict ?? '')?.[1] ?? '');
  let text = '';
  for (const pageId of kids) {
    const page = objects.get(pageId);
    if (!page) continue;
    const fonts = new Map<string, CMap>();
    const fontDict = /\/Font <<([\s\S]*?)>>/.exec(page.dict)?.[1] ?? '';
    for (const [, name = '', id = ''] of fontDict.matchAll(/\/(\S+) (\d+) 0 R/g)) {
      const cmap = cmaps.get(Number(id));
      if (cmap) fonts.set(name, cmap);
    }
    const contents = /\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    for (const id of refs(contents)) {
      const stream = objects.get(id)?.stream;
      if (stream) text += showText(stream.toString('latin1'), fonts);
    }
    text += '\n\f';
  }
  return { pages: kids.length, text };
}
