// An actor's hover card: the actor, its role, and the claims of its pack that name it, each with its
// outlets, how they stand and who disputes it. Read from the store.
import type { ActorCard } from '../protocol';
import type { CrosscheckDb } from '../store/db';
import { claimsForActor, getActor, positionsForClaim, reportsForClaim } from '../store/queries';

export async function actorCard(db: CrosscheckDb, pack: string, id: string): Promise<ActorCard | null> {
  const actor = await getActor(db, pack, id);
  if (!actor) return null;
  const claims = await claimsForActor(db, pack, id);
  return {
    name: actor.name,
    ...(actor.role ? { role: actor.role } : {}),
    claims: await Promise.all(
      claims.map(async (c) => {
        const reports = await reportsForClaim(db, pack, c.id);
        const positions = await positionsForClaim(db, pack, c.id);
        const names = await Promise.all(positions.filter((p) => p.position !== 'asserts').map(async (p) => ({ name: (await getActor(db, pack, p.actor))?.name ?? p.actor, position: p.position })));
        return {
          id: c.id,
          text: c.text,
          role: c.actors.find((a) => a.actor === id)?.role ?? 'subject',
          outlets: [...new Set(reports.map((r) => r.outletRecord?.name ?? r.article))],
          counts: {
            corroborates: reports.filter((r) => r.stance === 'corroborates').length,
            differs: reports.filter((r) => r.stance === 'differs').length,
            contradicts: reports.filter((r) => r.stance === 'contradicts').length,
          },
          disputedBy: names,
        };
      }),
    ),
  };
}
