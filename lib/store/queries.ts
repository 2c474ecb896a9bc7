// The reads the UI and the matcher need. Records are addressed by (pack, id): ids are unique
// within a pack, not across packs.
import { aliasObject } from '../pack/schema';
import type { ActorRow, ArticleRow, ClaimRow, CrosscheckDb, OutletRow, PositionRow, ReportRow } from './db';

export async function getActor(db: CrosscheckDb, pack: string, id: string): Promise<ActorRow | undefined> {
  return db.actors.get([pack, id]);
}

export async function getClaim(db: CrosscheckDb, pack: string, id: string): Promise<ClaimRow | undefined> {
  return db.claims.get([pack, id]);
}

export interface AliasEntry {
  pack: string;
  actor: string;
  name: string;
  text: string;
  lang?: string;
  safeAlone: boolean;
}

/** Every alias of every installed actor, the canonical name included: the matcher's input. */
export async function allAliases(db: CrosscheckDb): Promise<AliasEntry[]> {
  const out: AliasEntry[] = [];
  await db.actors.each((a) => {
    out.push({ pack: a.pack, actor: a.id, name: a.name, text: a.name, safeAlone: true });
    for (const alias of a.aliases) {
      const o = aliasObject(alias);
      if (o.text !== a.name) out.push({ pack: a.pack, actor: a.id, name: a.name, ...o });
    }
  });
  return out;
}

/** Claims in which the actor is claimant, subject, speaker or source. */
export async function claimsForActor(db: CrosscheckDb, pack: string, actor: string): Promise<ClaimRow[]> {
  return (await db.claims.where('actorIds').equals(actor).toArray()).filter((c) => c.pack === pack);
}

export interface ReportView extends ReportRow {
  outletRecord: OutletRow | undefined;
  articleRecord: Omit<ArticleRow, 'text'> | undefined;
}

/** Reports of a claim with their outlet and article (article text left out: it can be large). */
export async function reportsForClaim(db: CrosscheckDb, pack: string, claim: string): Promise<ReportView[]> {
  const reports = await db.reports.where('[pack+claim]').equals([pack, claim]).toArray();
  const articles = await db.articles.bulkGet(reports.map((r) => [pack, r.article] as [string, string]));
  const outlets = await db.outlets.bulkGet(articles.map((a) => [pack, a?.outlet ?? ''] as [string, string]));
  return reports.map((r, i) => {
    const a = articles[i];
    const articleRecord = a ? (({ text: _text, ...rest }) => rest)(a) : undefined;
    return { ...r, outletRecord: outlets[i], articleRecord };
  });
}

export async function positionsForClaim(db: CrosscheckDb, pack: string, claim: string): Promise<PositionRow[]> {
  return db.positions.where('[pack+claim]').equals([pack, claim]).toArray();
}

export { listPacks } from './packs';
