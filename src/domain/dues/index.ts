/** Dues (党费): money in 分, dues months, the versioned rules and the rates. The only way into this area from outside it. */

export * from './arrears.ts';
export * from './base.ts';
export * from './base-kinds.ts';
export * from './base-missing.ts';
export * from './charges.ts';
export * from './collection.ts';
export * from './ledger.ts';
export * from './ledger-kinds.ts';
export * from './money.ts';
export * from './months.ts';
export * from './rates.ts';
export * from './reasons.ts';
export * from './reductions.ts';
export * from './rule-set-edits.ts';
export * from './rules.ts';
