// The one messaging protocol between the content script, the popup and the background. Every
// message is a valibot schema; the background validates each message it receives and drops the
// rest. Replies are typed by the request they answer.
import * as v from 'valibot';
import type { ActorCard, BundledState, DisplaySettings, DroppedMessages, FeedCheck, FeedView, ImportProblem, PackView, PageSummary, ReadingSettings, TrustedKeyView } from './views';
import type { ScanResult } from '../scan/engine';

/** The most text a page is scanned for; a longer page is cut (the engine would cut it too). */
export const MAX_SCAN_CHARS = 2_000_000;
/** The most text one scan message carries: a bigger page goes in several (chunks at line breaks). */
export const SCAN_CHUNK_CHARS = 256_000;
/** The longest pack file text an import message may carry (the pack format's byte limit). */
export const MAX_IMPORT_CHARS = 32 * 1024 * 1024;

export const ScanRequest = v.object({
  type: v.literal('scan'),
  url: v.pipe(v.string(), v.maxLength(8192)),
  lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
  text: v.pipe(v.string(), v.maxLength(SCAN_CHUNK_CHARS)),
  /** Text the page added after its first scan: merged into the page's findings, not replacing them. */
  part: v.optional(v.boolean()),
});

export const SummaryRequest = v.object({
  type: v.literal('page-summary'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const ActorCardRequest = v.object({
  type: v.literal('actor-card'),
  pack: v.pipe(v.string(), v.maxLength(128)),
  actor: v.pipe(v.string(), v.maxLength(128)),
});

export const SiteRequest = v.object({
  type: v.literal('site'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const SetSiteRequest = v.object({
  type: v.literal('set-site'),
  host: v.pipe(v.string(), v.minLength(1), v.maxLength(253)),
  enabled: v.boolean(),
});

// ---- pack sync and the options page (extension pages only, see `allowedFrom`) ------------------

const FeedUrl = v.pipe(v.string(), v.maxLength(2000));

export const UpdateNowRequest = v.object({ type: v.literal('update-now') });
export const FeedsRequest = v.object({ type: v.literal('feeds') });
export const SubscribeRequest = v.object({ type: v.literal('subscribe'), url: FeedUrl });
export const UnsubscribeRequest = v.object({ type: v.literal('unsubscribe'), url: FeedUrl });
export const PacksRequest = v.object({ type: v.literal('packs') });
/**
 * A pack file's text as the reader picked it; the background validates and installs it. `replace`:
 * the reader confirmed that it replaces packs another signer installed (the answer was 'confirm').
 */
export const ImportPackRequest = v.object({
  type: v.literal('import-pack'),
  text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)),
  name: v.pipe(v.string(), v.maxLength(500)),
  replace: v.optional(v.boolean()),
});
export const RemovePackRequest = v.object({ type: v.literal('remove-pack'), id: v.pipe(v.string(), v.maxLength(128)) });
export const RestoreBundledRequest = v.object({ type: v.literal('restore-bundled') });
export const ExportPacksRequest = v.object({ type: v.literal('export-packs'), id: v.optional(v.pipe(v.string(), v.maxLength(128))) });
export const KeysRequest = v.object({ type: v.literal('keys') });
export const AddKeyRequest = v.object({
  type: v.literal('add-key'),
  text: v.pipe(v.string(), v.maxLength(100_000)),
  label: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
export const RemoveKeyRequest = v.object({ type: v.literal('remove-key'), keyId: v.pipe(v.string(), v.maxLength(64)) });
export const SettingsRequest = v.object({ type: v.literal('settings') });
/** Types only: the background checks the ranges and answers with what is wrong. */
export const SetSettingsRequest = v.object({
  type: v.literal('set-settings'),
  hoverDelayMs: v.optional(v.pipe(v.number(), v.finite())),
  highlightStyle: v.optional(v.picklist(['quiet', 'background', 'underline'])),
  checkIntervalHours: v.optional(v.pipe(v.number(), v.finite())),
});
export const SitesRequest = v.object({ type: v.literal('sites') });
/** How many messages the background dropped, by reason (lib/protocol/guard.ts). */
export const DiagnosticsRequest = v.object({ type: v.literal('diagnostics') });
/** Deletes everything the reader's use of Crosscheck stored; the bundled pack is installed again. */
export const DeleteAllDataRequest = v.object({ type: v.literal('delete-all-data') });

export const Request = v.variant('type', [
  ScanRequest, SummaryRequest, ActorCardRequest, SiteRequest, SetSiteRequest,
  UpdateNowRequest, FeedsRequest, SubscribeRequest, UnsubscribeRequest, PacksRequest, ImportPackRequest, RemovePackRequest,
  RestoreBundledRequest, ExportPacksRequest, KeysRequest, AddKeyRequest, RemoveKeyRequest, SettingsRequest, SetSettingsRequest,
  SitesRequest, DiagnosticsRequest, DeleteAllDataRequest,
]);
export type Request = v.InferOutput<typeof Request>;
export type ScanRequest = v.InferOutput<typeof ScanRequest>;
export type RequestType = Request['type'];

/** What content scripts may ask; everything else comes from the extension's own pages only. */
export const CONTENT_SCRIPT_REQUESTS: readonly RequestType[] = ['scan', 'actor-card'];

/**
 * Whether a request may be answered for this sender. Content scripts (a sender with a tab whose URL
 * is not one of the extension's pages) may only scan and ask for actor cards; an options page
 * opened in a tab is an extension page.
 */
export function allowedFrom(req: Request, sender: { tab?: unknown; url?: string }, extensionOrigin: string): boolean {
  if (CONTENT_SCRIPT_REQUESTS.includes(req.type)) return true;
  if (!sender.tab) return true;
  const origin = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  return typeof sender.url === 'string' && sender.url.startsWith(origin);
}

export type Fail = { ok: false; error: string };
/** Each request's answer when it succeeds; a failure is `Fail`. */
export interface Replies {
  scan: { ok: true; result: ScanResult; siteOff?: boolean; display: DisplaySettings };
  'page-summary': { ok: true; summary: PageSummary | null };
  'actor-card': { ok: true; card: ActorCard | null };
  site: { ok: true; host: string | null; enabled: boolean };
  'set-site': { ok: true };
  'update-now': { ok: true; results: FeedCheck[] };
  feeds: { ok: true; feeds: FeedView[]; checking: boolean };
  subscribe: { ok: true; feed: FeedView; existed: boolean };
  unsubscribe: { ok: true; message: string };
  packs: { ok: true; packs: PackView[]; bundled: BundledState[] };
  /** 'confirm': nothing was installed; the file would replace another signer's pack (`message` says whose); ask, then send `replace`. */
  'import-pack': { ok: true; status: 'installed' | 'unchanged' | 'refused' | 'failed' | 'confirm'; message: string; problems: ImportProblem[] };
  'remove-pack': { ok: true; message: string };
  'restore-bundled': { ok: true; message: string };
  'export-packs': { ok: true; json: string; fileName: string; count: number };
  keys: { ok: true; keys: TrustedKeyView[] };
  'add-key': { ok: true; added: TrustedKeyView[]; existing: string[]; problems: string[] };
  'remove-key': { ok: true; message: string };
  settings: { ok: true; settings: ReadingSettings };
  'set-settings': { ok: true; settings: ReadingSettings };
  sites: { ok: true; sites: string[] };
  /** `since`: when the background (the service worker) started; the counts are of this run. */
  diagnostics: { ok: true; dropped: DroppedMessages; since: string };
  'delete-all-data': { ok: true; message: string };
}

export type Reply<R extends { type: RequestType }> = Replies[R['type']] | Fail;

/**
 * A message as the browser delivers it is a plain object (a JSON or structured-clone copy): an
 * object with a prototype of its own (whose `type` could be inherited) is not one of ours. Any
 * realm's Object.prototype will do (a message may be cloned into another compartment).
 */
function plainObject(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const proto: unknown = Object.getPrototypeOf(message);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A parser of messages received from elsewhere: the schema's output, or null for anything that is not one of ours. */
function parserOf<S extends v.GenericSchema>(schema: S): (message: unknown) => v.InferOutput<S> | null {
  return (message) => {
    if (!plainObject(message)) return null;
    const r = v.safeParse(schema, message);
    return r.success ? r.output : null;
  };
}

/** Parses a message received from elsewhere; null for anything that is not one of ours. */
export const parseRequest: (message: unknown) => Request | null = parserOf(Request);

/**
 * Background to content script (one frame): a keyboard command to move through the frame's
 * mentions. Without `from`, from where the reader is; with it, from the frame's first mention
 * ('start') or its last ('end'), when the move comes from another frame.
 */
export const NavigateMessage = v.object({
  type: v.literal('navigate'),
  direction: v.picklist(['next', 'previous']),
  from: v.optional(v.picklist(['start', 'end'])),
});
export type NavigateMessage = v.InferOutput<typeof NavigateMessage>;

export const parseNavigate: (message: unknown) => NavigateMessage | null = parserOf(NavigateMessage);

/** The frame's answer: whether it moved to a mention, or had none left that way (and closed its card). */
export const NavigateReply = v.object({ moved: v.boolean() });
export type NavigateReply = v.InferOutput<typeof NavigateReply>;

export const parseNavigateReply: (message: unknown) => NavigateReply | null = parserOf(NavigateReply);

/** The keyboard command names of the manifest, and the direction each moves. */
export const COMMANDS: Record<string, NavigateMessage['direction']> = { 'next-mention': 'next', 'previous-mention': 'previous' };

/** Popup to content script: show the first mention of a claim or an actor (scroll to it, flash it). */
export const RevealMessage = v.object({
  type: v.literal('reveal'),
  kind: v.picklist(['claim', 'actor']),
  pack: v.pipe(v.string(), v.maxLength(128)),
  id: v.pipe(v.string(), v.maxLength(128)),
});
export type RevealMessage = v.InferOutput<typeof RevealMessage>;

export const parseReveal: (message: unknown) => RevealMessage | null = parserOf(RevealMessage);

/** Background to content scripts and extension pages: the installed packs changed; scan again. */
export const PacksChangedMessage = v.object({ type: v.literal('packs-changed') });
export type PacksChangedMessage = v.InferOutput<typeof PacksChangedMessage>;

export const parsePacksChanged: (message: unknown) => PacksChangedMessage | null = parserOf(PacksChangedMessage);

/** Background to extension pages: a download or import in progress (sizes in bytes). */
export const SyncProgressMessage = v.object({
  type: v.literal('sync-progress'),
  url: v.pipe(v.string(), v.maxLength(8192)),
  what: v.picklist(['feed', 'pack', 'delta', 'file']),
  phase: v.picklist(['download', 'import']),
  received: v.pipe(v.number(), v.minValue(0)),
  total: v.nullable(v.pipe(v.number(), v.minValue(0))),
});
export type SyncProgressMessage = v.InferOutput<typeof SyncProgressMessage>;

/** Background to extension pages: a feed check ended, or the subscriptions changed. */
export const FeedsChangedMessage = v.object({ type: v.literal('feeds-changed') });
export type FeedsChangedMessage = v.InferOutput<typeof FeedsChangedMessage>;

export const PageEvent = v.variant('type', [PacksChangedMessage, SyncProgressMessage, FeedsChangedMessage]);
export type PageEvent = v.InferOutput<typeof PageEvent>;

/** What the options page listens to; null for anything else (requests to the background among them). */
export const parsePageEvent: (message: unknown) => PageEvent | null = parserOf(PageEvent);
