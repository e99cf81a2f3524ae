export { CreateRuleButton } from './create_rule';
export type { CreateRuleButtonProps } from './create_rule';
