/** The four statuses of the annual evaluation (年度评估): 已完成 / 符合序时进度 / 滞后 / 未报送. */
export const EVALUATION_STATUSES = ['completed', 'on_track', 'behind', 'not_reported'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
