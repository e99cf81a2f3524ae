export { QueryPreview } from './query_preview';
export type { QueryPreviewProps } from './query_preview';
