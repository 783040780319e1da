import "server-only";
import { db } from "../db";
import type { Pillar } from "../generated/prisma/client";

export interface PillarOverview extends Omit<Pillar, "id"> {
  recommendationCount: number;
  actionCount: number;
  recommendations: { code: string; title: string; titleEn: string | null }[];
}

/** The home page: the five pillars with their item counts (counted in PostgreSQL), goals and conferences. */
export async function getHomeOverview() {
  const prisma = db();
  const [pillars, counts, goals, conferences] = await Promise.all([
    prisma.pillar.findMany({
      orderBy: { number: "asc" },
      include: {
        items: {
          where: { level: "RECOMMENDATION", retiredAt: null },
          orderBy: { sortOrder: "asc" },
          select: { code: true, title: true, titleEn: true },
        },
      },
    }),
    prisma.item.groupBy({ by: ["pillarId", "level"], where: { retiredAt: null }, _count: { _all: true } }),
    prisma.goal.findMany({ orderBy: { number: "asc" } }),
    prisma.conference.findMany({ orderBy: { number: "asc" } }),
  ]);
  const count = (pillarId: number, level: "RECOMMENDATION" | "ACTION") =>
    counts.find((c) => c.pillarId === pillarId && c.level === level)?._count._all ?? 0;
  const overview: PillarOverview[] = pillars.map((p) => ({
    number: p.number,
    title: p.title,
    titleEn: p.titleEn,
    theme: p.theme,
    requirement: p.requirement,
    summary: p.summary,
    recommendationCount: count(p.id, "RECOMMENDATION"),
    actionCount: count(p.id, "ACTION"),
    recommendations: p.items,
  }));
  return { pillars: overview, goals, conferences };
}
