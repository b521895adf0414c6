/** People (人员): the citizen ID number (GB 11643), identity fields, phones, masks of personal data, age. The only way into this area from outside it. */

export * from './age.ts';
export * from './id-number.ts';
export * from './masking.ts';
export * from './person-rules.ts';
export * from './phone.ts';
export * from './reasons.ts';
