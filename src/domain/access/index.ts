/** Access: roles and permissions, scope (管辖范围), 三员分立 on accounts, passwords, lockout, sessions, the second factor, sensitive fields. The only way into this area from outside it. */
export * from './access.ts';
export * from './account-duties.ts';
export * from './accounts.ts';
export * from './departed-accounts.ts';
export * from './member-accounts.ts';
export * from './password-policy.ts';
export * from './reasons.ts';
export * from './roles.ts';
export * from './second-factor.ts';
export * from './security-policy.ts';
export * from './sensitive-fields.ts';
