import { appraisalsModule } from './appraisals/index.ts';
import { auditLogsModule } from './audit-logs/index.ts';
import { authModule } from './auth/index.ts';
import { complianceModule } from './compliance/index.ts';
import { duesModule } from './dues/index.ts';
import { duesBasesModule } from './dues-bases/index.ts';
import { duesLedgerModule } from './dues-ledger/index.ts';
import { duesSummaryModule } from './dues-summary/index.ts';
import { healthModule } from './health/index.ts';
import { lapseCasesModule } from './lapse-cases/index.ts';
import { meetingsModule } from './meetings/index.ts';
import { memberExcelModule } from './member-excel/index.ts';
import { membersModule } from './members/index.ts';
import { membershipLedgerModule } from './membership-ledger/index.ts';
import type { Module } from './module.ts';
import { orgsModule } from './orgs/index.ts';
import { settingsModule } from './settings/index.ts';
import { statsModule } from './stats/index.ts';
import { talksModule } from './talks/index.ts';
import { transfersModule } from './transfers/index.ts';
import { usersModule } from './users/index.ts';
import { workbenchModule } from './workbench/index.ts';

/** Every module of the product, in the order their routes are added. A new module is one more line here. */
export const MODULES: readonly Module[] = [
  healthModule,
  authModule,
  settingsModule,
  orgsModule,
  membersModule,
  transfersModule,
  membershipLedgerModule,
  workbenchModule,
  statsModule,
  usersModule,
  auditLogsModule,
  memberExcelModule,
  meetingsModule,
  appraisalsModule,
  talksModule,
  complianceModule,
  duesBasesModule,
  lapseCasesModule,
  duesModule,
  duesSummaryModule,
  duesLedgerModule,
];
