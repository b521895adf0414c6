/** The part of unzipper 0.10 (exceljs's own unzip library) the importer uses: random access to entries. */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export type ZipEntry = { readonly path: string; readonly type: string; stream(): Readable };
  export type CentralDirectory = { readonly files: readonly ZipEntry[] };
  const unzipper: { Open: { file(path: string): Promise<CentralDirectory> } };
  export default unzipper;
}
