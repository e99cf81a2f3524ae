export { ResultNotesCallouts } from './result_notes';
export type { ResultNotesCalloutsProps, NotesSubject } from './result_notes';
