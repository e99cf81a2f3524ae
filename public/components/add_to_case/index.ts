export { AddToCase, CASE_OWNER } from './add_to_case';
export type { AddToCaseProps } from './add_to_case';
