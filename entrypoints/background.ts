// Service worker (Chrome) / background script (Firefox). Wiring only: every listener is registered
// synchronously in main, so the browser sees it on each start.
import { browser, defineBackground } from '#imports';
import bundledPack from '@/assets/packs/putin-residence-claim-2025-12.json';
import { COMMANDS, parseRequest, type NavigateMessage } from '@/lib/protocol';
import { BackgroundService } from '@/lib/service';
import { openDatabase } from '@/lib/store/db';
import { installBundledPack } from '@/lib/store/packs';

const service = new BackgroundService({
  db: openDatabase(),
  ready: () => pending,
  setBadge: (tabId, text, warning) => {
    void browser.action.setBadgeText({ tabId, text }).catch(() => {});
    if (text) void browser.action.setBadgeBackgroundColor({ tabId, color: warning ? '#b3261e' : '#1f5fa8' }).catch(() => {});
  },
});

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener((details) => {
    void ensureBundledPack(`onInstalled:${details.reason}`);
  });
  // Messages from our own content scripts and pages only; anything that is not a valid request of
  // the protocol (lib/protocol.ts) is dropped unanswered.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    const req = parseRequest(message);
    if (!req) return false;
    void service.handle(req, { tabId: sender.tab?.id, frameId: sender.frameId }).then(sendResponse);
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));
  browser.commands.onCommand.addListener((command, tab) => {
    const direction = COMMANDS[command];
    if (!direction || tab?.id === undefined) return;
    const message: NavigateMessage = { type: 'navigate', direction };
    void browser.tabs.sendMessage(tab.id, message).catch(() => {});
  });
  // Every service-worker start: the import is idempotent (same version is a no-op), so this covers
  // a database that was cleared or an install that was interrupted.
  void ensureBundledPack('startup');
});

let pending: Promise<void> = Promise.resolve();

/** Installs the bundled pack; runs one at a time and never throws. */
function ensureBundledPack(trigger: string): Promise<void> {
  pending = pending.then(() => installOnce(trigger));
  return pending;
}

async function installOnce(trigger: string): Promise<void> {
  try {
    const db = openDatabase();
    try {
      const result = await installBundledPack(db, bundledPack);
      switch (result.status) {
        case 'installed':
          console.info(
            `[crosscheck] bundled pack ${result.pack.id} v${result.pack.version} installed (${trigger})` +
              (result.replaced !== null ? `, replaced v${result.replaced}` : ''),
          );
          service.reload();
          break;
        case 'unchanged':
          console.info(`[crosscheck] bundled pack ${result.pack.id} v${result.pack.version} already installed (${trigger})`);
          break;
        case 'refused':
          // A newer version from a feed is already installed: that is as it should be.
          if (result.reason === 'older') {
            console.info(`[crosscheck] bundled pack not installed (${trigger}): ${result.message}`);
            break;
          }
          console.warn(`[crosscheck] bundled pack not installed (${trigger}): ${result.message}`);
          break;
        case 'failed':
          console.warn(`[crosscheck] bundled pack not installed (${trigger}): ${result.message}`);
          break;
      }
    } finally {
      db.close();
    }
  } catch (e) {
    console.warn(`[crosscheck] bundled pack not installed (${trigger}):`, e);
  }
}
