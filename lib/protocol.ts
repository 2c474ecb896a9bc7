// The one messaging protocol between the content script, the popup and the background. Every
// message is a valibot schema; the background validates each message it receives and drops the
// rest. Replies are typed by the request they answer.
import * as v from 'valibot';
import type { ScanResult } from './scan/engine';

/** The most text a page is scanned for; a longer page is cut (the engine would cut it too). */
export const MAX_SCAN_CHARS = 2_000_000;
/** The most text one scan message carries: a bigger page goes in several (chunks at line breaks). */
export const SCAN_CHUNK_CHARS = 256_000;

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

export const Request = v.variant('type', [ScanRequest, SummaryRequest, ActorCardRequest, SiteRequest, SetSiteRequest]);
export type Request = v.InferOutput<typeof Request>;
export type ScanRequest = v.InferOutput<typeof ScanRequest>;

export interface ActorCard {
  name: string;
  role?: string;
  claims: {
    id: string;
    text: string;
    role: string;
    outlets: string[];
    counts: { corroborates: number; differs: number; contradicts: number };
    disputedBy: { name: string; position: string }[];
  }[];
}

export interface PageSummary {
  url: string;
  result: ScanResult;
  /** The reader turned Crosscheck off on this site. */
  siteOff?: boolean;
}

export type Reply<R extends Request> = R extends { type: 'scan' }
  ? { ok: true; result: ScanResult; siteOff?: boolean } | { ok: false; error: string }
  : R extends { type: 'page-summary' }
    ? { ok: true; summary: PageSummary | null } | { ok: false; error: string }
    : R extends { type: 'actor-card' }
      ? { ok: true; card: ActorCard | null } | { ok: false; error: string }
      : R extends { type: 'site' }
        ? { ok: true; host: string | null; enabled: boolean } | { ok: false; error: string }
        : { ok: true } | { ok: false; error: string };

/** Parses a message received from elsewhere; null for anything that is not one of ours. */
export function parseRequest(message: unknown): Request | null {
  const r = v.safeParse(Request, message);
  return r.success ? r.output : null;
}

/** Background to content script: a keyboard command to move through the page's mentions. */
export const NavigateMessage = v.object({
  type: v.literal('navigate'),
  direction: v.picklist(['next', 'previous']),
});
export type NavigateMessage = v.InferOutput<typeof NavigateMessage>;

export function parseNavigate(message: unknown): NavigateMessage | null {
  const r = v.safeParse(NavigateMessage, message);
  return r.success ? r.output : null;
}

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

export function parseReveal(message: unknown): RevealMessage | null {
  const r = v.safeParse(RevealMessage, message);
  return r.success ? r.output : null;
}
