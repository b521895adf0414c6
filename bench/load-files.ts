import { memberRow, templateWorkbook } from '../src/server/testing/fixtures/member-import.ts';
import {
  type RawCell,
  rawWorkbook,
  rosterRows,
  sharedStringsBomb,
  sheetXml,
  workbookParts,
  zip,
} from '../src/server/testing/fixtures/raw-xlsx.ts';
import type { ImportTarget } from './load-accounts.ts';

/**
 * The files the load run posts, built once before the server starts: 5,000-row template workbooks (one for
 * the dry runs, one per empty commit branch), and the hostile uploads of the second run, each with the refusal
 * the server must answer it with (hostile-uploads.api.test.ts checks the same, one at a time).
 */
export const IMPORT_ROWS = 5_000;
const MB = 1024 * 1024;
/** 地址码 379999: the city's own are 3799<district> (synthetic-members.ts), so no row matches a member. */
const AREA = '379999';

export type HostileFile = { readonly kind: string; readonly reason: string; readonly content: Buffer };
export type LoadFiles = {
  readonly dryRun: Buffer;
  /** One file per commit branch, with ID numbers of its own (a batch is undone before the file is used again). */
  readonly commits: readonly { readonly orgId: number; readonly content: Buffer }[];
  readonly hostile: readonly HostileFile[];
};

async function rosterFile(first: number, names: readonly string[]): Promise<Buffer> {
  const rows = Array.from({ length: IMPORT_ROWS }, (_, n) =>
    memberRow(first + n, names[n % names.length] as string, {}, AREA),
  );
  return templateWorkbook(rows);
}

/** A roster sheet of one row beside a shared-strings part that inflates to `size` (declaring `declared`). */
function bomb(text: string, size: number, declared?: number): Buffer {
  const sheet = { name: 'sheet', data: Buffer.from(sheetXml(rosterRows(1, 1, '某党支部'))) };
  return zip(workbookParts(sheet, [sharedStringsBomb(text, size, declared)]));
}

function hostileFiles(): HostileFile[] {
  const rows: RawCell[][] = Array.from({ length: 300_000 }, (_, i) => [i]);
  return [
    {
      kind: 'hostile.zip_bomb_1gb',
      reason: 'inflated_too_large',
      content: bomb('A'.repeat(1000), 1024 * MB),
    },
    {
      kind: 'hostile.zip_bomb_lying',
      reason: 'not_xlsx',
      content: bomb('A'.repeat(1000), 1024 * MB, 10_000),
    },
    {
      kind: 'hostile.shared_strings_300mb',
      reason: 'shared_strings_too_large',
      content: bomb('字'.repeat(300), 300 * MB),
    },
    { kind: 'hostile.rows_300k', reason: 'too_many_rows', content: rawWorkbook(rows) },
    {
      kind: 'hostile.file_21mb',
      reason: 'file_too_large',
      content: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(21 * MB, 0x5a)]),
    },
  ];
}

export async function buildLoadFiles(target: ImportTarget): Promise<LoadFiles> {
  const started = performance.now();
  const dryRun = await rosterFile(0, target.branchNames);
  const commits = [];
  for (const [k, branch] of target.commitBranches.entries()) {
    commits.push({ orgId: branch.id, content: await rosterFile((k + 1) * 10_000, [branch.name]) });
  }
  const hostile = hostileFiles();
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const mb = (b: Buffer) => Math.round((b.length / MB) * 10) / 10;
  console.log(
    `files: ${IMPORT_ROWS}-row roster ${mb(dryRun)} MB; hostile ${hostile.map((h) => `${h.kind.slice(8)} ${mb(h.content)} MB`).join(', ')} (${seconds} s)`,
  );
  return { dryRun, commits, hostile };
}
