import type { SavedObjectsClientContract } from '@kbn/core/server';
import { benignMatches, type AppliedAllowlist } from '../../common/hunt/allowlist';
import { listEntries } from './entries';

/** The space's entries could not be read: the hunt still runs, and says it applied none. */
const UNREADABLE =
  'The allowlist entries of this space could not be read, so none were applied: every row is shown.';

/**
 * The space's active benign entries, read as the user through the request-scoped saved objects
 * client (never the internal user: the user's space and Kibana privileges decide what is read).
 * A failure to read them does not stop the hunt: it runs without them and the page says so.
 */
export async function readAllowlist(
  savedObjects: SavedObjectsClientContract | undefined,
  includeHidden: boolean,
  now = new Date()
): Promise<AppliedAllowlist> {
  if (!savedObjects) return { applied: [], benign_entries: 0, include_hidden: includeHidden };
  try {
    const matches = benignMatches((await listEntries(savedObjects, now)).entries, now);
    return {
      applied: includeHidden ? [] : matches,
      benign_entries: matches.length,
      include_hidden: includeHidden,
    };
  } catch {
    return { applied: [], benign_entries: 0, include_hidden: includeHidden, error: UNREADABLE };
  }
}
