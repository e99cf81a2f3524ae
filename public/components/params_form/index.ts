export { ParamsForm } from './params_form';
export type { ParamsFormProps } from './params_form';
