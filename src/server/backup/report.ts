import type { Manifest } from './manifest.ts';

/** What the operator reads after a backup or a restore. */
export const KEY_REMINDER =
  '重要：请把 .key 密钥文件与备份文件分开保存（不同的介质或地点）。没有这把密钥，备份中的身份证号无法读取；' +
  '两者放在一起，拿到备份的人也就能读取全部身份证号。';

export function describeManifest(manifest: Manifest, timeZone: string): string {
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  const at = new Date(manifest.createdAt).toLocaleString('zh-CN', { timeZone, hour12: false });
  const kind = manifest.database === 'pglite' ? '内嵌数据库' : 'PostgreSQL';
  return (
    `数据截至 ${at}（${kind}，程序版本 ${manifest.appVersion}，数据库迁移 ${manifest.migrations.count} 个）：` +
    `${manifest.tables.length} 张表，共 ${rows.toLocaleString('zh-CN')} 行`
  );
}
