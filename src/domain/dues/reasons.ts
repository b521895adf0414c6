/**
 * The reasons of this area's denials (docs/dues.md): bases, charges, payments, reductions. Closed: a rule answers
 * `Decision<DuesReason>`; each reason is labelled in Chinese in src/contracts/errors.ts.
 */
export const DUES_REASONS = [
  'dues_base_negative',
  'dues_base_month_invalid',
  // Bases (docs/dues.md §2, §11; base.ts).
  'dues_base_not_needed',
  'dues_base_kind_mismatch',
  'dues_base_item_never_counted',
  'dues_base_pension_not_basic',
  'dues_base_no_counted_items',
  'dues_base_quarter_items',
  'dues_base_tax_exceeds_pay',
  'dues_base_category_work_post',
  'dues_pay_not_visible',
  'dues_base_org_not_branch',
  'dues_base_member_not_in_branch',
  'dues_base_row_repeated',
  // The ledger (docs/dues.md §4, §5, §9): payments, reversals, 特殊党费, and the warnings a payment is confirmed over.
  'dues_payment_no_month',
  'dues_paid_on_future',
  'dues_payment_month_repeated',
  'dues_payment_before_admission',
  'dues_prepayment_without_consent',
  'dues_month_paid_in_full',
  'dues_payment_amount_required',
  'dues_payment_amount_invalid',
  'dues_payment_needs_confirm',
  'dues_back_payment_long',
  'dues_prepayment_long',
  'dues_payment_above_balance',
  'dues_collecting_org_not_mobile',
  'dues_payment_not_verified',
  'dues_reversal_of_reversal',
  'dues_entry_already_reversed',
  'dues_reversal_reason_required',
  // Charges and reductions (docs/dues.md §6, §8; charges.ts, reductions.ts).
  'dues_month_future',
  'dues_reduction_months_invalid',
  'dues_reduction_too_long',
  'dues_reduction_reason_required',
  'dues_reduction_date_future',
  'dues_reduction_amount_invalid',
  'dues_reduction_full_unknown',
  'dues_reduction_amount_not_lower',
  'dues_reduction_overlap',
  'dues_reduction_not_level_above',
  'dues_reduction_not_pending',
] as const;
export type DuesReason = (typeof DUES_REASONS)[number];
