// The background: one instance of each piece of its state (context.ts), the start-up, and the
// handler table (handlers.ts) behind one `handle`. entrypoints/background.ts wires the browser to it.
import { errorText } from '../error-text';
import type { FeedCheck, Reply, Request } from '../protocol';
import type { BackgroundContext, Sender } from './context';
import type { BackgroundDeps } from './deps';
import { EngineHost } from './engine-host';
import { FeedSync } from './feed-sync';
import { handlers, type Handler } from './handlers';
import { InstallLock } from './install-lock';
import { KeyboardPath, type SendToFrame } from './keyboard';
import { ProgressReporter } from './progress';
import { SettingsCache } from './reading-settings';
import { startOnce } from './startup';
import { TabFindings } from './tab-findings';

export type { BackgroundDeps } from './deps';

export interface Background {
  /** Start-up work (one at a time; requests wait for it). Never throws. */
  start(trigger: string): Promise<void>;
  /** Answers one admitted request; a failure is an error reply, never a rejection. */
  handle(req: Request, sender: Sender): Promise<Reply<Request>>;
  onAlarm(): Promise<FeedCheck[]>;
  checkFeeds(mode: 'all' | 'due'): Promise<FeedCheck[]>;
  /** A keyboard command in a tab (next or previous mention, through the page's frames). */
  command(command: string, tabId: number | undefined, send: SendToFrame): Promise<void>;
  mentionFrames(tabId: number): number[];
  forgetTab(tabId: number): void;
}

export function createBackground(deps: BackgroundDeps): Background {
  const now = () => deps.now?.() ?? new Date();
  const log = (level: 'info' | 'warn', message: string) => deps.log?.(level, message);
  const engine = new EngineHost(deps.db, {
    log,
    now,
    notify: (message) => {
      deps.notifyTabs?.(message);
      deps.notifyPages?.(message);
    },
  });
  const settings = new SettingsCache(deps.db);
  const progress = new ProgressReporter(deps.notifyPages);
  const installs = new InstallLock();
  const sync = new FeedSync({ deps, db: deps.db, now, log, engine, settings, progress, installs });
  const tabs = new TabFindings(deps.rescanTab);
  const ctx: BackgroundContext = { deps, db: deps.db, now, log, engine, tabs, settings, sync, progress, installs };
  const keyboard = new KeyboardPath((tabId) => tabs.mentionFrames(tabId));
  let startup: Promise<void> = Promise.resolve();

  return {
    start(trigger) {
      startup = startup.then(() => startOnce(ctx, trigger));
      return startup;
    },
    async handle(req, sender) {
      try {
        await startup;
        return await (handlers[req.type] as Handler<typeof req.type>)(req as never, ctx, sender);
      } catch (e) {
        return { ok: false, error: errorText(e) };
      }
    },
    async onAlarm() {
      await startup;
      return sync.onAlarm();
    },
    checkFeeds: (mode) => sync.checkFeeds(mode),
    command: (command, tabId, send) => keyboard.command(command, tabId, send),
    mentionFrames: (tabId) => tabs.mentionFrames(tabId),
    forgetTab(tabId) {
      tabs.forget(tabId);
      keyboard.forget(tabId);
    },
  };
}
