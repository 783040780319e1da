import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { AsOfBanner } from "@/components/as-of/as-of-banner";
import { AsOfControl } from "@/components/as-of/as-of-control";
import { AttentionItemsPanel } from "@/components/dashboard/attention-items";
import { ChangesPanel } from "@/components/dashboard/changes-panel";
import { CurrentPeriodPanel } from "@/components/dashboard/current-period";
import { ConferenceTimelinePanel } from "@/components/dashboard/conference-timeline";
import styles from "@/components/dashboard/dashboard.module.css";
import { DashboardViews } from "@/components/dashboard/dashboard-views";
import { DistributionsPanel } from "@/components/dashboard/distributions";
import { GoalsPanel } from "@/components/dashboard/goals-panel";
import { HeadlineFigures } from "@/components/dashboard/headline-figures";
import { HeadlineIndicatorsPanel } from "@/components/indicators/headline-indicators-panel";
import { ItemLightsPanel } from "@/components/dashboard/item-lights";
import { InvestmentCard } from "@/components/investment/investment-card";
import { PillarProgressPanel } from "@/components/dashboard/pillar-progress";
import { ProgressTrendPanel } from "@/components/dashboard/progress-trend";
import { RatingsPanel } from "@/components/dashboard/ratings-panel";
import { RecentUpdatesPanel } from "@/components/dashboard/recent-updates";
import { SideBreakdownPanel } from "@/components/dashboard/side-breakdown";
import { WidgetSkeleton } from "@/components/dashboard/skeleton";
import { UnitAccountabilityPanel } from "@/components/dashboard/unit-accountability";
import { requirePermission } from "@/lib/auth/session";
import { parseAsOfParams } from "@/lib/validations/as-of";
import { parseDashboardView, parseUnitSort } from "@/lib/validations/dashboard";
import { parseMapMode } from "@/lib/validations/map";
import { dashboardRatingParamsSchema } from "@/lib/validations/ratings";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The leadership dashboard, live or as of the day in ?asOf=: the overview, or one of the other views in ?view=
 * (lib/validations/dashboard.ts). Every widget streams on its own.
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("portfolio:read");
  const [params, t] = await Promise.all([searchParams, getTranslations("dashboard")]);
  const selection = parseAsOfParams(params);
  const sort = parseUnitSort(params);
  const { ratingPeriod } = dashboardRatingParamsSchema.parse({
    ratingPeriod: typeof params.ratingPeriod === "string" ? params.ratingPeriod : undefined,
  });
  const view = parseDashboardView(params);
  const loading = t("loading");
  // The key makes a new date show skeletons instead of the previous date's figures.
  const key = `${view}|${selection.asOf ?? "live"}|${selection.compare ?? ""}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <AsOfControl selection={selection} />
      <AsOfBanner selection={selection} />
      <DashboardViews current={view} selection={selection} />
      <div className={styles.widgets} key={key}>
        {view === "overview" ? (
          <>
            <Suspense fallback={<WidgetSkeleton height={220} label={loading} wide />}>
              <HeadlineFigures selection={selection} />
            </Suspense>
            {selection.asOf === null ? (
              // The reporting period open now: live only (a past day's dashboard does not show today's period).
              <Suspense fallback={<WidgetSkeleton height={360} label={loading} wide />}>
                <CurrentPeriodPanel />
              </Suspense>
            ) : null}
            {selection.compareBefore !== null ? (
              <Suspense fallback={<WidgetSkeleton height={320} label={loading} wide />}>
                <ChangesPanel selection={selection} />
              </Suspense>
            ) : null}
            <Suspense fallback={<WidgetSkeleton height={240} label={loading} wide />}>
              <HeadlineIndicatorsPanel selection={selection} />
            </Suspense>
            <Suspense fallback={<WidgetSkeleton height={320} label={loading} wide />}>
              <ItemLightsPanel selection={selection} />
            </Suspense>
            {/* the two half-width widgets side by side */}
            <Suspense fallback={<WidgetSkeleton height={240} label={loading} />}>
              <InvestmentCard selection={selection} />
            </Suspense>
            <Suspense fallback={<WidgetSkeleton height={560} label={loading} />}>
              <DistributionsPanel selection={selection} />
            </Suspense>
            <Suspense fallback={<WidgetSkeleton height={720} label={loading} wide />}>
              <PillarProgressPanel selection={selection} />
            </Suspense>
            <Suspense fallback={<WidgetSkeleton height={420} label={loading} wide />}>
              <ProgressTrendPanel selection={selection} />
            </Suspense>
            <Suspense fallback={<WidgetSkeleton height={480} label={loading} wide />}>
              <AttentionItemsPanel selection={selection} />
            </Suspense>
          </>
        ) : null}
        {view === "units" ? (
          <>
            <Suspense fallback={<WidgetSkeleton height={600} label={loading} wide />}>
              <UnitAccountabilityPanel selection={selection} sort={sort} params={params} />
            </Suspense>
            <Suspense fallback={<WidgetSkeleton height={360} label={loading} wide />}>
              <RatingsPanel periodId={ratingPeriod} />
            </Suspense>
          </>
        ) : null}
        {view === "regions" ? (
          // Not streamed: the map of both sides and its tables are in the first HTML, so they work without
          // JavaScript (a streamed widget stays hidden until React's inline script moves it into place).
          <SideBreakdownPanel selection={selection} params={params} mode={parseMapMode(params)} />
        ) : null}
        {view === "activity" ? (
          <>
            <Suspense fallback={<WidgetSkeleton height={560} label={loading} wide />}>
              <RecentUpdatesPanel selection={selection} />
            </Suspense>
            <Suspense fallback={<WidgetSkeleton height={360} label={loading} wide />}>
              <ConferenceTimelinePanel selection={selection} />
            </Suspense>
          </>
        ) : null}
      </div>
      {view === "overview" ? (
        <Suspense fallback={null}>
          <GoalsPanel />
        </Suspense>
      ) : null}
    </>
  );
}
