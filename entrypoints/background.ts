// Service worker (Chrome) / background script (Firefox). Wiring only, inside main: the database,
// the browser's powers handed to lib/background, and every listener registered synchronously, so
// the browser sees them on each start.
import { browser, defineBackground } from '#imports';
import { createBackground } from '@/lib/background';
import { feedOriginPattern, parseNavigateReply, type NavigateMessage, type PacksChangedMessage } from '@/lib/protocol';
import { MessageGuard } from '@/lib/protocol/guard';
import { openDatabase } from '@/lib/store/db';

/** Every pack the compiler wrote into assets/packs/ ships inside the extension. */
const BUNDLED = Object.values(import.meta.glob<{ default: unknown }>('../assets/packs/*.json', { eager: true })).map((m) => m.default);
/** The alarm that wakes the worker for the next due feed check. */
const SYNC_ALARM = 'crosscheck-sync';

export default defineBackground(() => {
  const sendToTab = (tabId: number, message: PacksChangedMessage) => void browser.tabs.sendMessage(tabId, message).catch(() => {});
  // Admits the messages the background answers (ours, valid, allowed for their sender), counts the rest.
  const guard = new MessageGuard();
  const background = createBackground({
    db: openDatabase(),
    bundledPacks: BUNDLED,
    defaultFeed: __CROSSCHECK_DEFAULT_FEED__,
    buildKeys: __CROSSCHECK_TRUSTED_KEYS__,
    crosscheckVersion: browser.runtime.getManifest().version,
    fetch: (input, init) => fetch(input, init),
    hasHostPermission: (url) => browser.permissions.contains({ origins: [feedOriginPattern(url)] }),
    setBadge: (tabId, text, warning) => {
      void browser.action.setBadgeText({ tabId, text }).catch(() => {});
      if (text) void browser.action.setBadgeBackgroundColor({ tabId, color: warning ? '#b3261e' : '#1f5fa8' }).catch(() => {});
    },
    notifyTabs: (message) => void browser.tabs.query({}).then((tabs) => tabs.forEach((t) => t.id !== undefined && sendToTab(t.id, message)), () => {}),
    // No page open to listen is not an error.
    notifyPages: (message) => void browser.runtime.sendMessage(message).catch(() => {}),
    rescanTab: (tabId) => sendToTab(tabId, { type: 'packs-changed' }),
    scheduleCheck: (when) => {
      if (when === null) void browser.alarms.clear(SYNC_ALARM).catch(() => {});
      else void browser.alarms.create(SYNC_ALARM, { when: Math.max(when, Date.now() + 1000) });
    },
    log: (level, message) => (level === 'warn' ? console.warn : console.info)(`[crosscheck] ${message}`),
    diagnostics: () => ({ dropped: guard.dropped(), since: guard.since }),
  });
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

  browser.runtime.onInstalled.addListener((details) => void background.start(`onInstalled:${details.reason}`));
  // Messages from our own pages and content scripts only (lib/protocol/guard.ts): web pages cannot
  // send (no externally_connectable) and nothing listens to onMessageExternal.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const admitted = guard.admit(message, sender, self);
    if (!admitted.ok) {
      if (admitted.reply) sendResponse(admitted.reply);
      return false;
    }
    void background.handle(admitted.req, { tabId: sender.tab?.id, frameId: sender.frameId }).then(sendResponse);
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => background.forgetTab(tabId));
  // Keyboard commands move through the mentions of the page and of its frames.
  const onCommand = (command: string, tab?: { id?: number }) =>
    background.command(command, tab?.id, (frameId: number, message: NavigateMessage) =>
      browser.tabs.sendMessage(tab!.id!, message, { frameId }).then(parseNavigateReply, () => null),
    );
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // The end-to-end tests press the shortcut through this (a headless browser has no shortcut
  // keys); only the worker's own scope can reach it.
  Object.defineProperty(globalThis, 'crosscheckCommand', { value: onCommand });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void background.onAlarm();
  });
  // Every worker start: installing the bundled pack is idempotent, so this also covers a cleared
  // database or an interrupted install; it schedules the next feed check too.
  void background.start('startup');
});
