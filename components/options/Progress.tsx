// A download or import in progress: a <progress> bar with the sizes ("54.1 KB of 108.2 KB").
import type { SyncProgressMessage } from '../../lib/protocol';
import { formatBytes } from '../../lib/sync/download';

const WHAT: Record<SyncProgressMessage['what'], string> = { feed: 'the feed', pack: 'the pack', delta: 'the delta', file: 'the file' };

export function SyncProgress({ progress }: { progress: SyncProgressMessage | null }) {
  if (!progress) return null;
  const { received, total, phase, what } = progress;
  const label =
    phase === 'import'
      ? `Importing ${WHAT[what]}${received ? ` (${formatBytes(received)})` : ''}…`
      : `Downloading ${WHAT[what]}: ${formatBytes(received)}${total !== null ? ` of ${formatBytes(total)}` : ''}`;
  return (
    <div class="progress">
      {/* No value: an indeterminate bar (importing, or a size the server did not state). */}
      {phase === 'download' && total ? <progress max={total} value={Math.min(received, total)} aria-label={label} /> : <progress aria-label={label} />}
      <span class="progress-label">{label}</span>
    </div>
  );
}
