import "server-only";
// The read behind /api/floor, the benchmark's "minimal dynamic page": one indexed count, no session, no
// permission check — like /api/ready it is public, and the number of pillars is the published document's
// structure, nothing more.
import { db } from "../db";

export async function countPillars(): Promise<number> {
  return db().pillar.count();
}
