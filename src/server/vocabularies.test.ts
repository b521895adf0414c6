import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_TYPE_LABELS,
  AUDIT_NOTE_REASON_LABELS,
} from '../contracts/audit.ts';
import {
  IMPORT_BATCH_STATUS_LABELS,
  IMPORT_FORMAT_LABELS,
  IMPORT_MODE_LABELS,
} from '../contracts/member-import.ts';
import { MEMBER_EVENT_KIND_LABELS } from '../contracts/members.ts';
import { FINDING_KIND_LABELS, ORG_EVENT_KIND_LABELS } from '../contracts/orgs.ts';

/**
 * The closed vocabularies — member event kinds, finding kinds, audit actions, entity types and refusal reasons, org
 * event kinds, import batches' format, mode and status — walked both ways
 * against the code that produces them: every value the production code writes has a Chinese label in the
 * contracts, and every labelled value is written somewhere. "Written" is read from the source: the literals in
 * the positions where each vocabulary is produced, in the files that produce it. And the web names none of them
 * itself: it takes the labels from the contracts.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceDir(entry.name) ? tsFiles(full) : [];
    return /\.tsx?$/.test(entry.name) && !/\.(test|fixtures)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
const sourceDir = (name: string) => name !== 'testing' && name !== 'node_modules';

/** The production code that may write: the server, the domain and the command-line scripts (no tests, no fixtures). */
const PRODUCTION = ['src/server', 'src/domain', 'scripts'].flatMap((dir) => tsFiles(path.join(ROOT, dir)));
/** The contracts: where a value the user chooses gets its default. */
const CONTRACTS = tsFiles(path.join(ROOT, 'src/contracts'));
const WEB = tsFiles(path.join(ROOT, 'src/web')).filter((f) => !f.endsWith('schema.d.ts'));
const text = (file: string) => readFileSync(file, 'utf8');

type Producer = {
  /** The files that produce the vocabulary (they write its rows or build its values); all when the position says enough. */
  readonly files?: RegExp;
  /** The positions of a produced value in them; the groups hold everything quoted that may be the value. */
  readonly at: RegExp;
  /** What a value looks like (audit actions: `area.verb`). */
  readonly value?: RegExp;
  /** Values of another vocabulary met at the same positions in those files, each named with its own. */
  readonly others?: readonly string[];
  /** The contracts too: a value the user chooses is produced by its default there and acted on by the server. */
  readonly withContracts?: boolean;
};

const WORD = /'([a-z_]+)'/g;

/** Every quoted word at the producing positions of the producing files, with where it was found. */
function produced(producer: Producer): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of producer.withContracts ? [...PRODUCTION, ...CONTRACTS] : PRODUCTION) {
    const source = text(file);
    if (producer.files && !producer.files.test(source)) continue;
    for (const match of source.matchAll(producer.at)) {
      for (const [, value] of match
        .slice(1)
        .join(' ')
        .matchAll(producer.value ?? WORD)) {
        if (producer.others?.includes(value as string)) continue;
        const where = found.get(value as string) ?? [];
        where.push(path.relative(ROOT, file));
        found.set(value as string, where);
      }
    }
  }
  return found;
}

const VOCABULARIES: readonly {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly producer: Producer;
}[] = [
  {
    name: 'member event kinds (member_events.kind)',
    labels: MEMBER_EVENT_KIND_LABELS,
    producer: {
      // The status rules build their history rows; the services, the import and the demo city write them.
      files:
        /MemberEventRecord|MemberEventWrite|saveMemberChange\(|insertMemberEvent|insertEventRows|BulkEvent/,
      at: /\bkind:\s*('[a-z_]+')|statusChange\(\s*m,\s*[^,]+,\s*('[a-z_]+')/g,
      // The destination of a transfer (transfer-rules.ts), built next to the history row it leads to.
      others: ['internal', 'external'],
    },
  },
  {
    name: 'finding kinds',
    labels: FINDING_KIND_LABELS,
    producer: { files: /OrgFinding\b/, at: /\bkind:\s*('[a-z_]+')/g },
  },
  {
    name: 'audit actions (audit_log.action)',
    labels: AUDIT_ACTION_LABELS,
    producer: {
      // An audit entry's action, a batch's audit action, and the actions handed to the writers that take one.
      at: /\b(?:action|auditAction):\s*([^;\n]*)|(?:close\(s,|recordBackupAudit\([^,]+,[^,]+,)\s*('[a-z_.]+')/g,
      value: /'([a-z_]+\.[a-z_]+)'/g,
    },
  },
  {
    name: 'audit entity types (audit_log.entity_type)',
    labels: AUDIT_ENTITY_TYPE_LABELS,
    producer: {
      at: /\bentityType:\s*([^,\n(]*)(?:,|$)/gm,
    },
  },
  {
    name: 'reasons of audited refusals (audit_log note.reason)',
    labels: AUDIT_NOTE_REASON_LABELS,
    producer: {
      // The refusals' notes, the failed login's refusal, and a refused second-factor code's outcome.
      files: /AuditNoteReason|note:\s*\{[^}]*\breason:\s*'|note = \{ reason:/,
      at: /\bnote:\s*\{[^}]*\breason:\s*('[a-z_]+')|note = \{ reason:\s*('[a-z_]+')|\brefuse\(('[a-z_]+')\)|^const WRONG_CODE = \{[^}]*reason:\s*('[a-z_]+')|^\s+reason:\s*('[a-z_]+'),\n\s+message:/gm,
    },
  },
  {
    name: 'org event kinds (org_events.kind)',
    labels: ORG_EVENT_KIND_LABELS,
    // The org services' history rows (recordOrgChange) and the demo city's founding rows.
    producer: { files: /recordOrgChange\(|insert\(orgEvents\)/, at: /\b(?:event|kind):\s*('[a-z_]+')/g },
  },
  {
    name: 'import formats (import_batches.format)',
    labels: IMPORT_FORMAT_LABELS,
    // The layout a sheet is read as.
    producer: { files: /SheetLayout\b/, at: /\bformat:\s*([^,\n]*)/g, value: /'([a-z0-9_]+)'/g },
  },
  {
    name: 'import modes (import_batches.mode)',
    labels: IMPORT_MODE_LABELS,
    // Chosen by the user: the contract's default, and the mode the service acts on.
    producer: {
      files: /IMPORT_MODES|fields\.mode/,
      at: /\bmode\b[^;\n]*?(?:===|\.default\()\s*('[a-z_]+')/g,
      withContracts: true,
    },
  },
  {
    name: 'import batch statuses (import_batches.status)',
    labels: IMPORT_BATCH_STATUS_LABELS,
    // A batch is written committed, and undone by 撤销导入.
    producer: { files: /insertBatch\(|update\(importBatches\)/, at: /\bstatus:\s*('[a-z_]+')/g },
  },
];

describe.each(VOCABULARIES)('the closed vocabulary of $name', ({ labels, producer }) => {
  const values = produced(producer);

  it('labels every value the code produces', () => {
    const unlabelled = [...values]
      .filter(([value]) => !(value in labels))
      .map(([v, where]) => `${v} (${where})`);
    expect(values.size).toBeGreaterThanOrEqual(Math.min(4, Object.keys(labels).length));
    expect(unlabelled).toEqual([]);
  });

  it('labels nothing the code never produces', () => {
    expect(Object.keys(labels).filter((value) => !values.has(value))).toEqual([]);
  });

  it('is named in Chinese only by the contracts: the web keeps no table of its own', () => {
    const keys = Object.keys(labels).map((k) => k.replace('.', '\\.'));
    const ownTable = new RegExp(`(?:^|[\\s{,])'?(?:${keys.join('|')})'?:\\s*'[^']*[\\u4e00-\\u9fff]`, 'm');
    expect(WEB.filter((file) => ownTable.test(text(file))).map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});

/** A reason the server or a rule gives for a refusal (`details.reason` of an error body), where it is given. */
const REFUSAL =
  /\b(?:deny|fail|forbidden|conflict|unauthenticated|[a-z]*[rR]efus\w*|[a-z]*[dD]enial)\(\s*'([a-z0-9_]+)'|\breason:\s*'([a-z0-9_]+)'/g;

/** The reasons the web acts on: the keys of its `reasonFields` mappings and the reasons it compares with. */
function reasonsTheWebNames(): Map<string, string> {
  const named = new Map<string, string>();
  for (const file of WEB) {
    const source = text(file);
    const tables = [
      ...source.matchAll(/REASON_FIELDS[^=]*=\s*\{([^}]*)\}/g),
      ...source.matchAll(/reasonFields:\s*\{([^}]*)\}/g),
    ];
    for (const [, body] of tables) {
      for (const [, key] of (body ?? '').matchAll(/([a-z0-9_]+):/g)) named.set(key as string, file);
    }
    for (const [, reason] of source.matchAll(/(?<!typeof [\w.]*)reason\s*===\s*'([a-z0-9_]+)'/g))
      named.set(reason as string, file);
  }
  return named;
}

describe('the reasons of refusals', () => {
  it('the web maps only reasons that the server or a rule gives', () => {
    const given = new Set(
      PRODUCTION.flatMap((file) => [...text(file).matchAll(REFUSAL)].map((m) => (m[1] ?? m[2]) as string)),
    );
    const named = reasonsTheWebNames();
    expect(given.size).toBeGreaterThan(50);
    expect(named.size).toBeGreaterThan(20);
    const neverGiven = [...named].filter(([reason]) => !given.has(reason));
    expect(neverGiven.map(([reason, file]) => `${reason} (${path.relative(ROOT, file)})`)).toEqual([]);
  });
});
