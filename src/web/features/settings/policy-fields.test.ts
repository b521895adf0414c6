import { describe, expect, it } from 'vitest';
import {
  ImportLimitsSchema,
  MemberAccountPolicySchema,
  OrgLifeSettingsSchema,
  OrgSettingsSchema,
  SETTING_GROUPS,
  SecurityPolicySchema,
  type SettingGroup,
} from '../../../contracts/settings.ts';
import { POLICY_FIELDS } from './policy-fields.ts';

const SCHEMAS: Record<SettingGroup, { shape: Record<string, unknown> }> = {
  security: SecurityPolicySchema,
  org: OrgSettingsSchema,
  import: ImportLimitsSchema,
  accounts: MemberAccountPolicySchema,
  orgLife: OrgLifeSettingsSchema,
};

describe('参数配置 shows every parameter of every group', () => {
  for (const group of SETTING_GROUPS) {
    it(`${group}: one field per key of its contract, none unknown`, () => {
      const keys = POLICY_FIELDS[group].map((f) => f.key);
      expect([...keys].sort()).toEqual(Object.keys(SCHEMAS[group].shape).sort());
    });
  }
});
