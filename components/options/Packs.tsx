// Packs: what is installed (title, version, claims, when, who signed it), remove one, restore the
// bundled pack, export them all as a JSON file, and import a pack file (file input or drag and
// drop) with every problem listed when the file is refused, and a confirmation first when the file
// would replace a pack another signer installed.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BundledState, ImportProblem, PackView, Reply } from '../../lib/protocol';
import { formatBytes } from '../../lib/sync/download';
import { errorText } from '../../lib/error-text';
import { plural } from '@/lib/present';
import { signerText } from '../PackList';
import { formatDateTime, type OptionsApi } from './api';
import { PackCoverage } from './PackCoverage';

/** The pack format's limit; a larger file is refused before it is read. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; received: number; total: number }
  | { kind: 'importing'; name: string; size: number }
  /** The file would replace another signer's pack: nothing installed until the reader says so. */
  | { kind: 'confirm'; name: string; text: string; message: string }
  | { kind: 'done'; name: string; ok: boolean; message: string; problems: ImportProblem[] };

export function Packs({ api, packs, bundled, reload }: { api: OptionsApi; packs: PackView[] | null; bundled: BundledState[]; reload: () => void }) {
  const missing = bundled.filter((b) => !b.installed);
  const [note, setNote] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [imp, setImp] = useState<ImportState>({ kind: 'idle' });
  const [exported, setExported] = useState<{ href: string; fileName: string; count: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  const zone = useRef<HTMLDivElement>(null);

  // Free the previous export's Blob URL.
  useEffect(() => () => void (exported && URL.revokeObjectURL(exported.href)), [exported]);
  useEffect(() => {
    if (exported) link.current?.click();
  }, [exported]);

  const remove = async (p: PackView) => {
    const reply = await api.send({ type: 'remove-pack', id: p.id });
    setNote(reply.ok ? { kind: 'info', text: reply.message } : { kind: 'error', text: reply.error });
    reload();
  };
  const restore = async () => {
    const reply = await api.send({ type: 'restore-bundled' });
    setNote(reply.ok ? { kind: 'info', text: reply.message } : { kind: 'error', text: reply.error });
    reload();
  };
  const exportAll = async () => {
    const reply = await api.send({ type: 'export-packs' });
    if (!reply.ok) return setNote({ kind: 'error', text: reply.error });
    const href = URL.createObjectURL(new Blob([reply.json], { type: 'application/json' }));
    setExported({ href, fileName: reply.fileName, count: reply.count });
    setNote(null);
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setImp({ kind: 'done', name: file.name, ok: false, problems: [], message: `${file.name} was not imported: it is ${formatBytes(file.size)}, over the limit of ${formatBytes(MAX_FILE_BYTES)}. The installed packs are unchanged.` });
      return;
    }
    setImp({ kind: 'reading', name: file.name, received: 0, total: file.size });
    let text: string;
    try {
      text = await readText(file, (received) => setImp({ kind: 'reading', name: file.name, received, total: file.size }));
    } catch (e) {
      setImp({ kind: 'done', name: file.name, ok: false, problems: [], message: `${file.name} could not be read (${errorText(e)}). The installed packs are unchanged.` });
      return;
    }
    await send(file.name, text, false);
  };
  const send = async (name: string, text: string, replace: boolean) => {
    setImp({ kind: 'importing', name, size: text.length });
    const reply: Reply<{ type: 'import-pack' }> = await api.send({ type: 'import-pack', text, name, ...(replace ? { replace } : {}) });
    if (!reply.ok) setImp({ kind: 'done', name, ok: false, problems: [], message: reply.error });
    else if (reply.status === 'confirm') setImp({ kind: 'confirm', name, text, message: reply.message });
    else setImp({ kind: 'done', name, ok: reply.status === 'installed' || reply.status === 'unchanged', message: reply.message, problems: reply.problems });
    reload();
  };

  const onFiles = (files: ArrayLike<File> | null | undefined) => {
    const file = files?.[0];
    if (file) void importFile(file);
  };
  const dropped = useRef(onFiles);
  dropped.current = onFiles;

  // Drag and drop a pack file onto the zone (listeners added directly: the DOM event names).
  useEffect(() => {
    const el = zone.current;
    if (!el) return;
    const over = (e: Event) => {
      e.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (e: Event) => {
      e.preventDefault();
      setDragging(false);
      dropped.current((e as DragEvent).dataTransfer?.files);
    };
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">Packs</h2>
      {packs === null ? (
        <p aria-busy="true">Loading packs…</p>
      ) : packs.length === 0 ? (
        <p class="empty">No claim pack is installed: Crosscheck marks nothing on pages until you import one or a feed installs one.</p>
      ) : (
        <ul class="packs" aria-label="Installed packs">
          {packs.map((p) => (
            <li key={p.id} class="pack" data-pack-id={p.id}>
              <div class="pack-title">
                <strong>{p.title}</strong> <span class="version">version {p.version}</span>
              </div>
              <div class="pack-meta">
                {plural(p.counts.claims, 'claim')} · {plural(p.counts.actors, 'actor')} · {signerText(p.signer)} · last updated {formatDateTime(p.installedAt)}
              </div>
              <PackCoverage api={api} id={p.id} title={p.title} />
              <div class="actions">
                <button type="button" onClick={() => remove(p)} aria-label={`Remove ${p.title}`}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <p class="row">
          <span>
            {missing.length === 1 ? 'The pack' : `${missing.length} packs`} that came with Crosscheck ({missing.map((b) => b.title).join('; ')}) {missing.length === 1 ? 'is' : 'are'} not installed.
          </span>{' '}
          <button type="button" onClick={restore}>
            {missing.length === 1 ? 'Restore bundled pack' : 'Restore bundled packs'}
          </button>
        </p>
      )}
      {note && (
        <p class={note.kind === 'error' ? 'error' : 'note'} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={exportAll} disabled={!packs?.length}>
          Export packs
        </button>
        {exported && (
          <a ref={link} href={exported.href} download={exported.fileName}>
            Save {exported.fileName} ({plural(exported.count, 'pack')}) again
          </a>
        )}
      </div>
      <div class={`drop-zone${dragging ? ' dragging' : ''}`} ref={zone}>
        <label for="import-pack">Import pack</label>
        <input
          id="import-pack"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            onFiles(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <span class="hint">or drop a pack file (.json) here</span>
      </div>
      {imp.kind === 'confirm' ? (
        <div class="import-result confirm" role="alert">
          <p>{imp.message}</p>
          <div class="row">
            <button type="button" onClick={() => void send(imp.name, imp.text, true)}>
              Replace it with {imp.name}
            </button>{' '}
            <button type="button" onClick={() => setImp({ kind: 'done', name: imp.name, ok: true, problems: [], message: `${imp.name} was not imported. The installed packs are unchanged.` })}>
              Keep the installed pack
            </button>
          </div>
        </div>
      ) : (
        <ImportStatus state={imp} />
      )}
    </section>
  );
}

function ImportStatus({ state }: { state: Exclude<ImportState, { kind: 'confirm' }> }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'reading') {
    const label = `Reading ${state.name}: ${formatBytes(state.received)} of ${formatBytes(state.total)}`;
    return (
      <div class="progress">
        <progress max={state.total || 1} value={state.received} aria-label={label} />
        <span class="progress-label">{label}</span>
      </div>
    );
  }
  if (state.kind === 'importing') {
    const label = `Checking and importing ${state.name} (${formatBytes(state.size)})…`;
    return (
      <div class="progress">
        <progress aria-label={label} />
        <span class="progress-label">{label}</span>
      </div>
    );
  }
  return (
    <div class={`import-result${state.ok ? '' : ' error'}`} role={state.ok ? 'status' : 'alert'}>
      <p>{state.message}</p>
      {state.problems.length > 0 && (
        <ul class="problems" aria-label={`Problems in ${state.name}`}>
          {state.problems.map((p, i) => (
            <li key={i}>
              <code>{p.path}</code>
              {p.line ? ` (line ${p.line}, column ${p.column})` : ''}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A file's text, read in chunks so a large file shows its progress. */
async function readText(file: File, onProgress: (received: number) => void): Promise<string> {
  if (typeof file.stream !== 'function') return file.text();
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    text += decoder.decode(value, { stream: true });
    onProgress(received);
  }
  return text + decoder.decode();
}
