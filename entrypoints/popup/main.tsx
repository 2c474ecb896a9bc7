// Popup wiring: reads the packs from Dexie (extension origin) and renders components/PackList.
// liveQuery re-renders when the background installs or replaces a pack while the popup is open.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { PackList, type PackListState } from '@/components/PackList';
import { openDatabase } from '@/lib/store/db';
import { listPacks } from '@/lib/store/packs';

function Popup() {
  const [state, setState] = useState<PackListState>({ kind: 'loading' });
  useEffect(() => {
    let db: ReturnType<typeof openDatabase>;
    try {
      db = openDatabase();
    } catch (e) {
      setState({ kind: 'error', message: describe(e) });
      return;
    }
    const sub = liveQuery(() => listPacks(db)).subscribe({
      next: (packs) => setState({ kind: 'ready', packs }),
      error: (e: unknown) => setState({ kind: 'error', message: describe(e) }),
    });
    return () => {
      sub.unsubscribe();
      db.close();
    };
  }, []);
  return (
    <>
      <header>
        <h1>Crosscheck</h1>
      </header>
      <main>
        <h2>Claim packs</h2>
        <PackList state={state} />
      </main>
    </>
  );
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

render(<Popup />, document.getElementById('app')!);
