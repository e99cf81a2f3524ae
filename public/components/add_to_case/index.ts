export { AddToCase, CASE_OWNER } from './add_to_case';
export type { AddToCaseProps, CaseEvidence } from './add_to_case';
