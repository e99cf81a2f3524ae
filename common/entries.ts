/**
 * Shared allowlist entries and review marks: what the analyst sends, what is stored (attributes of
 * the plugin's saved object type) and what the page reads. An entry names a principal (by name or
 * id, optionally one action) or a CIDR block, with a note; "benign" hides matching rows, "reviewed"
 * keeps them with a badge. Author and times are set by the server, never taken from the body.
 */
import { z } from '@kbn/zod/v4';
import {
  MAX_CIDR_LENGTH,
  MAX_EXPIRY_DAYS,
  MAX_NOTE_LENGTH,
  MAX_PRINCIPAL_LENGTH,
} from './constants';
import { normaliseCidr } from './hunt/cidr';
import { describeIssues, formatIssues, type ParamsIssue } from './hunt/hunt_params';

/** The saved object type: snake_case, as Kibana's type naming convention asks. */
export const ENTRY_SAVED_OBJECT_TYPE = 'entra_sp_hunt_entry';
export const ENTRY_KINDS = ['benign', 'reviewed'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const PRINCIPAL_FIELDS = ['name', 'id'] as const;

/** Line breaks and tabs may shape a note; other control characters only hide what it says. */
const ALLOWED_CONTROLS = new Set(['\n', '\r', '\t']);
const C0_END = 0x1f;
const C1_START = 0x7f;
const C1_END = 0x9f;
const LINE_SEPARATORS = new Set([0x2028, 0x2029]);

function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    if (ALLOWED_CONTROLS.has(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    if (code <= C0_END || (code >= C1_START && code <= C1_END) || LINE_SEPARATORS.has(code)) {
      return true;
    }
  }
  return false;
}
/** Saved object ids Kibana generates are UUIDs; an id that could be no id is refused early. */
export const ENTRY_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const DAY_MS = 86_400_000;

const note = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'is required: say why')
  .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`)
  .refine((value) => !hasControlCharacter(value), 'must not hold control characters');

const principal = z
  .string({ error: 'must be text' })
  .min(1, 'must not be empty')
  .max(MAX_PRINCIPAL_LENGTH, `must be at most ${MAX_PRINCIPAL_LENGTH} characters`)
  .refine((value) => !hasControlCharacter(value), 'must not hold control characters');

const expiresAt = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date and time' })
  .nullable()
  .default(null);

export const entryInputSchema = z
  .object({
    kind: z.enum(ENTRY_KINDS, { error: 'must be "benign" or "reviewed"' }),
    principal: principal.nullable().default(null),
    principal_field: z.enum(PRINCIPAL_FIELDS, { error: 'must be "name" or "id"' }).default('name'),
    action: principal.nullable().default(null),
    // The same reading as the hunt's trusted ranges: a bare address is its /32 or /128.
    cidr: z
      .string({ error: 'must be text' })
      .trim()
      .max(MAX_CIDR_LENGTH, `must be at most ${MAX_CIDR_LENGTH} characters`)
      .transform((value, context) => {
        const result = normaliseCidr(value);
        if (result.ok) return result.cidr;
        context.addIssue({ code: 'custom', message: result.message, input: value });
        return z.NEVER;
      })
      .nullable()
      .default(null),
    note,
    expires_at: expiresAt,
  })
  .strict()
  .superRefine((entry, context) => {
    if ((entry.principal === null) === (entry.cidr === null)) {
      context.addIssue({
        code: 'custom',
        path: ['principal'],
        message: 'name either a principal or a CIDR block, not both or neither',
      });
    }
    if (entry.action !== null && entry.principal === null) {
      context.addIssue({
        code: 'custom',
        path: ['action'],
        message: 'may only narrow an entry for a principal',
      });
    }
  });
export type EntryInput = z.output<typeof entryInputSchema>;

export const entryUpdateSchema = z
  .object({
    kind: z.enum(ENTRY_KINDS, { error: 'must be "benign" or "reviewed"' }).optional(),
    note: note.optional(),
    expires_at: expiresAt.optional(),
  })
  .strict();
export type EntryUpdate = z.output<typeof entryUpdateSchema>;

export const entryIdSchema = z
  .object({ id: z.string().regex(ENTRY_ID, 'must be an entry id') })
  .strict();

/** An entry's stored attributes. */
export interface EntryAttributes {
  kind: EntryKind;
  principal: string | null;
  principal_field: 'name' | 'id';
  action: string | null;
  cidr: string | null;
  note: string;
  author: string;
  created_at: string;
  expires_at: string | null;
}

export interface Entry extends EntryAttributes {
  id: string;
  /** Whether it applies now (no expiry, or one still ahead). */
  active: boolean;
}

export interface EntriesResponse {
  entries: Entry[];
  total: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ParamsIssue[]; message: string };

function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = describeIssues(result.error, input);
  return { ok: false, issues, message: formatIssues(issues) };
}

export const parseEntryInput = (input: unknown) => parseWith(entryInputSchema, input);
export const parseEntryUpdate = (input: unknown) => parseWith(entryUpdateSchema, input);
export const parseEntryId = (input: unknown) => parseWith(entryIdSchema, input);

/** An expiry must lie ahead, and at most MAX_EXPIRY_DAYS ahead; null is "never". */
export function expiryProblem(expiry: string | null, now: Date): string | undefined {
  if (expiry === null) return undefined;
  const at = Date.parse(expiry);
  if (at <= now.getTime()) return '[expires_at]: must be in the future';
  if (at - now.getTime() > MAX_EXPIRY_DAYS * DAY_MS) {
    return `[expires_at]: must be at most ${MAX_EXPIRY_DAYS} days ahead`;
  }
  return undefined;
}

export function isActive(entry: Pick<EntryAttributes, 'expires_at'>, now: Date): boolean {
  return entry.expires_at === null || Date.parse(entry.expires_at) > now.getTime();
}
