// Who may read /api/metrics: the addresses and CIDR blocks of METRICS_ALLOW (IPv4, IPv6, IPv4-mapped IPv6 as
// the socket reports it) or the bearer METRICS_TOKEN; nobody when neither is set; a malformed entry is an error.
import { describe, expect, it } from "vitest";
import { mayReadMetrics, metricsAccess, MetricsConfigError } from "@/lib/http/metrics-access";

describe("metrics access", () => {
  it("is closed to everyone when nothing is configured", () => {
    const access = metricsAccess({});
    expect(mayReadMetrics(access, "127.0.0.1", null)).toBe(false);
    expect(mayReadMetrics(access, "::1", "Bearer anything")).toBe(false);
  });

  it("lets in the configured addresses and blocks, and nobody else", () => {
    const access = metricsAccess({ METRICS_ALLOW: "127.0.0.1, 10.20.0.0/16 ,fd00::/8,::1" });
    expect(mayReadMetrics(access, "127.0.0.1", null)).toBe(true);
    expect(mayReadMetrics(access, "::ffff:127.0.0.1", null)).toBe(true);
    expect(mayReadMetrics(access, "10.20.255.3", null)).toBe(true);
    expect(mayReadMetrics(access, "10.21.0.1", null)).toBe(false);
    expect(mayReadMetrics(access, "fd12:3456::1", null)).toBe(true);
    expect(mayReadMetrics(access, "::1", null)).toBe(true);
    expect(mayReadMetrics(access, "127.0.0.2", null)).toBe(false);
    expect(mayReadMetrics(access, "unknown", null)).toBe(false);
    expect(mayReadMetrics(access, null, null)).toBe(false);
  });

  it("lets in the bearer token from anywhere, and no other token", () => {
    const access = metricsAccess({ METRICS_TOKEN: "s3cret-scrape-token" });
    expect(mayReadMetrics(access, "203.0.113.9", "Bearer s3cret-scrape-token")).toBe(true);
    expect(mayReadMetrics(access, "203.0.113.9", "bearer s3cret-scrape-token")).toBe(true);
    expect(mayReadMetrics(access, "203.0.113.9", "Bearer s3cret-scrape-tokeN")).toBe(false);
    expect(mayReadMetrics(access, "203.0.113.9", "Basic s3cret-scrape-token")).toBe(false);
    expect(mayReadMetrics(access, "203.0.113.9", "s3cret-scrape-token")).toBe(false);
    expect(mayReadMetrics(access, "127.0.0.1", null)).toBe(false);
  });

  it("refuses a malformed METRICS_ALLOW", () => {
    expect(() => metricsAccess({ METRICS_ALLOW: "localhost" })).toThrow(MetricsConfigError);
    expect(() => metricsAccess({ METRICS_ALLOW: "10.0.0.0/33" })).toThrow(MetricsConfigError);
    expect(() => metricsAccess({ METRICS_ALLOW: "10.0.0.0/x" })).toThrow(MetricsConfigError);
  });
});
