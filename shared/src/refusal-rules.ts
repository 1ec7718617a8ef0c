/**
 * Every rule the server refuses an officer's request by, with the short Chinese name shown beside the
 * refusal's message: filing a plan, issuing its code, checking in, finishing.
 */
export const REFUSAL_RULE_LABELS = {
  // filing and moving a plan
  'past-date': '检查日期已过',
  'advance-notice': '提前报备',
  'trigger-reason': '触发事由',
  'low-touch': '无感监管',
  'no-disturb-item': '无事不扰',
  'credit-cap': '信用分级频次',
  'joint-lock-out': '联合检查锁定',
  'review-pending': '异议复查中',
  // issuing the inspection code
  'joint-scenario': '应联未联',
  'plan-approval': '计划审批',
  // linking a plan to a special campaign (专项检查)
  'campaign-unpublished': '专项检查未公布',
  'campaign-agency': '未参加专项检查',
  'campaign-scope': '专项检查范围',
  'campaign-period': '专项检查实施期',
  // checking in
  'no-plan': '无检查计划',
  'enterprise-differs': '企业不一致',
  'not-on-plan': '不在检查人员名单',
  'already-finished': '检查已结束',
  'lock-out': '联合检查锁定',
  'no-code': '未生成检查码',
  'code-expired': '检查码过期',
  'certificate-expired': '执法证过期',
  // finishing
  'items-unrecorded': '检查事项未记录',
  // accompanied enforcement (陪同执法)
  'not-an-inspection': '不是行政检查',
  'plan-inactive': '计划未生效',
  'own-agency': '本部门检查',
  'inspection-over': '检查已结束',
  // off-site checks: the enterprise's answer
  'offsite-evidence-missing': '非现场检查材料未齐',
  // penalty cases
  'statement-period': '陈述申辩期未满',
  'hearing-pending': '听证尚未举行',
  'outside-range': '超出裁量幅度',
  'two-officers': '执法人员不少于两人',
  'certificate-invalid': '执法资格',
  'coercive-extended': '强制措施已延长',
} as const;
export type RefusalRule = keyof typeof REFUSAL_RULE_LABELS;
