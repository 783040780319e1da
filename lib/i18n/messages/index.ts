// The catalogue is split by feature area so each area's strings live beside each other and parallel work on
// different features never edits the same file. Each file owns distinct top-level namespaces (a unit test
// checks no namespace is defined twice).
import enAdmin from "./en/admin.json";
import enAuth from "./en/auth.json";
import enBrowse from "./en/browse.json";
import enCommon from "./en/common.json";
import enDashboard from "./en/dashboard.json";
import enEditing from "./en/editing.json";
import enReports from "./en/reports.json";
import enCycle from "./en/cycle.json";
import enEvidence from "./en/evidence.json";
import enPeriods from "./en/periods.json";
import enJobs from "./en/jobs.json";
import enChase from "./en/chase.json";
import enNotifications from "./en/notifications.json";
import enLights from "./en/lights.json";
import enBulletinChase from "./en/bulletin-chase.json";
import enRatings from "./en/ratings.json";
import enBackups from "./en/backups.json";
import enMap from "./en/map.json";
import enApi from "./en/api.json";
import enWebhooks from "./en/webhooks.json";
import enInvestment from "./en/investment.json";
import enIndicators from "./en/indicators.json";
import zhAdmin from "./zh-CN/admin.json";
import zhAuth from "./zh-CN/auth.json";
import zhBrowse from "./zh-CN/browse.json";
import zhCommon from "./zh-CN/common.json";
import zhDashboard from "./zh-CN/dashboard.json";
import zhEditing from "./zh-CN/editing.json";
import zhReports from "./zh-CN/reports.json";
import zhCycle from "./zh-CN/cycle.json";
import zhEvidence from "./zh-CN/evidence.json";
import zhPeriods from "./zh-CN/periods.json";
import zhJobs from "./zh-CN/jobs.json";
import zhChase from "./zh-CN/chase.json";
import zhNotifications from "./zh-CN/notifications.json";
import zhLights from "./zh-CN/lights.json";
import zhBulletinChase from "./zh-CN/bulletin-chase.json";
import zhRatings from "./zh-CN/ratings.json";
import zhBackups from "./zh-CN/backups.json";
import zhMap from "./zh-CN/map.json";
import zhApi from "./zh-CN/api.json";
import zhWebhooks from "./zh-CN/webhooks.json";
import zhInvestment from "./zh-CN/investment.json";
import zhIndicators from "./zh-CN/indicators.json";
import type { Locale } from "../locales";

type Catalogue = Record<string, unknown>;

export const MESSAGE_FILES: Record<Locale, Record<string, Catalogue>> = {
  "zh-CN": {
    common: zhCommon,
    auth: zhAuth,
    admin: zhAdmin,
    editing: zhEditing,
    dashboard: zhDashboard,
    browse: zhBrowse,
    reports: zhReports,
    cycle: zhCycle,
    periods: zhPeriods,
    evidence: zhEvidence,
    jobs: zhJobs,
    chase: zhChase,
    notifications: zhNotifications,
    lights: zhLights,
    bulletinChase: zhBulletinChase,
    ratings: zhRatings,
    backups: zhBackups,
    map: zhMap,
    api: zhApi,
    webhooks: zhWebhooks,
    investment: zhInvestment,
    indicators: zhIndicators,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    admin: enAdmin,
    editing: enEditing,
    dashboard: enDashboard,
    browse: enBrowse,
    reports: enReports,
    cycle: enCycle,
    periods: enPeriods,
    evidence: enEvidence,
    jobs: enJobs,
    chase: enChase,
    notifications: enNotifications,
    lights: enLights,
    bulletinChase: enBulletinChase,
    ratings: enRatings,
    backups: enBackups,
    map: enMap,
    api: enApi,
    webhooks: enWebhooks,
    investment: enInvestment,
    indicators: enIndicators,
  },
};

export function messagesFor(locale: Locale): Catalogue {
  return Object.assign({}, ...Object.values(MESSAGE_FILES[locale])) as Catalogue;
}
