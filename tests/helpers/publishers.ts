// Shared by the tests of who may install what: the bundled pack at another version (and title),
// and what the security check accepts as a refusal that says why (../shared/checks/security.mjs).
import type { Pack } from '../../lib/pack/schema';
import { bundledPack } from './corpus';

export const PACK = 'putin-residence-claim-2025-12';
export const WHY = /another (key|publisher)|different (key|publisher)|may not replace|not the (key|publisher)|belongs to|owned by|published by (key|another)/i;

export function version(v: number, title?: string): Pack {
  const p = bundledPack();
  p.version = v;
  if (title) p.title = title;
  return p;
}
