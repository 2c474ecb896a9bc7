// Service worker (Chrome) / background script (Firefox). Wiring only: every listener is registered
// synchronously in main, so the browser sees it on each start; lib/service.ts does the work.
import { browser, defineBackground } from '#imports';
import bundledPack from '@/assets/packs/putin-residence-claim-2025-12.json';
import { navigateFrames } from '@/lib/navigate';
import { COMMANDS, parseNavigateReply, type NavigateMessage, type PacksChangedMessage } from '@/lib/protocol';
import { MessageGuard } from '@/lib/protocol-guard';
import { BackgroundService } from '@/lib/service';
import { openDatabase } from '@/lib/store/db';
import { feedOriginPattern } from '@/lib/store/feeds';

/** The alarm that wakes the worker for the next due feed check. */
const SYNC_ALARM = 'crosscheck-sync';

function log(level: 'info' | 'warn', message: string): void {
  (level === 'warn' ? console.warn : console.info)(`[crosscheck] ${message}`);
}

const sendToTab = (tabId: number, message: PacksChangedMessage) => {
  void browser.tabs.sendMessage(tabId, message).catch(() => {});
};

/** Admits the messages the background answers, and counts those it drops. */
const guard = new MessageGuard();

const service = new BackgroundService({
  db: openDatabase(),
  bundledPack,
  defaultFeed: __CROSSCHECK_DEFAULT_FEED__,
  buildKeys: __CROSSCHECK_TRUSTED_KEYS__,
  crosscheckVersion: browser.runtime.getManifest().version,
  fetch: (input, init) => fetch(input, init),
  hasHostPermission: (url) => browser.permissions.contains({ origins: [feedOriginPattern(url)] }),
  setBadge: (tabId, text, warning) => {
    void browser.action.setBadgeText({ tabId, text }).catch(() => {});
    if (text) void browser.action.setBadgeBackgroundColor({ tabId, color: warning ? '#b3261e' : '#1f5fa8' }).catch(() => {});
  },
  notifyTabs: (message) => {
    void browser.tabs
      .query({})
      .then((tabs) => tabs.forEach((t) => t.id !== undefined && sendToTab(t.id, message)))
      .catch(() => {});
  },
  // No page open to listen is not an error.
  notifyPages: (message) => void browser.runtime.sendMessage(message).catch(() => {}),
  rescanTab: (tabId) => sendToTab(tabId, { type: 'packs-changed' }),
  scheduleCheck: (when) => {
    if (when === null) void browser.alarms.clear(SYNC_ALARM).catch(() => {});
    else void browser.alarms.create(SYNC_ALARM, { when: Math.max(when, Date.now() + 1000) });
  },
  log,
  diagnostics: () => ({ dropped: guard.dropped(), since: guard.since }),
});

export default defineBackground(() => {
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  browser.runtime.onInstalled.addListener((details) => {
    void service.start(`onInstalled:${details.reason}`);
  });
  // Messages from our own pages and content scripts only (lib/protocol-guard.ts). Web pages cannot
  // send (no externally_connectable), other extensions' messages would go to onMessageExternal,
  // which nothing listens to. What is not a valid request of the protocol is dropped unanswered, a
  // content script asking for what only the pages may ask is refused; both are counted.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const admitted = guard.admit(message, sender, self);
    if (!admitted.ok) {
      if (admitted.reply) sendResponse(admitted.reply);
      return false;
    }
    void service.handle(admitted.req, { tabId: sender.tab?.id, frameId: sender.frameId }).then(sendResponse);
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));
  // Keyboard commands: through the mentions of the page and of its frames (lib/navigate.ts). The
  // frame the reader is in, per tab; a woken worker starts again from the page.
  const readerFrame = new Map<number, number | undefined>();
  const onCommand = async (command: string, tab?: { id?: number }) => {
    const direction = COMMANDS[command];
    const tabId = tab?.id;
    if (!direction || tabId === undefined) return;
    const frames = service.mentionFrames(tabId);
    const send = (frameId: number, message: NavigateMessage) =>
      browser.tabs.sendMessage(tabId, message, { frameId }).then(parseNavigateReply, () => null);
    readerFrame.set(tabId, await navigateFrames(direction, frames.length ? frames : [0], readerFrame.get(tabId), send));
  };
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // The end-to-end tests press the shortcut through this (a headless browser has no shortcut
  // keys); only the worker's own scope can reach it.
  Object.defineProperty(globalThis, 'crosscheckCommand', { value: onCommand });
  browser.tabs.onRemoved.addListener((tabId) => readerFrame.delete(tabId));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.onAlarm();
  });
  // Every worker start: installing the bundled pack is idempotent (the same version is a no-op, a
  // newer one from a feed is kept), so this covers a database that was cleared or an install that
  // was interrupted; it also schedules the next feed check.
  void service.start('startup');
});
