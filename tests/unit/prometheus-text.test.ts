// The strict Prometheus text parser the metrics tests rely on: it reads prom-client's own output of every
// metric type, and refuses what a scraper would misread.
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { parsePrometheusText, PrometheusParseError, sampleValue } from "../support/prometheus-text";

describe("the Prometheus text parser", () => {
  it("reads prom-client's output of counters, gauges and histograms, escapes included", async () => {
    const registry = new Registry();
    const counter = new Counter({ name: "t_total", help: "a \\ help", labelNames: ["route"], registers: [registry] });
    const gauge = new Gauge({ name: "t_gauge", help: "g", registers: [registry] });
    const histogram = new Histogram({ name: "t_seconds", help: "h", buckets: [0.1, 1], registers: [registry] });
    counter.inc({ route: 'a "quoted" \\ path\nnext' }, 3);
    gauge.set(-2.5);
    histogram.observe(0.05);
    histogram.observe(0.5);
    histogram.observe(5);
    const families = parsePrometheusText(await registry.metrics());
    expect(families.get("t_total")?.type).toBe("counter");
    expect(sampleValue(families, "t_total", { route: 'a "quoted" \\ path\nnext' })).toBe(3);
    expect(sampleValue(families, "t_gauge")).toBe(-2.5);
    expect(sampleValue(families, "t_seconds_bucket", { le: "0.1" })).toBe(1);
    expect(sampleValue(families, "t_seconds_bucket", { le: "+Inf" })).toBe(3);
    expect(sampleValue(families, "t_seconds_count")).toBe(3);
  });

  it.each([
    ["a sample without TYPE", "x_total 1\n"],
    ["a malformed value", "# TYPE x gauge\nx one\n"],
    ["a bad escape", '# TYPE x gauge\nx{a="\\t"} 1\n'],
    ["an unterminated label", '# TYPE x gauge\nx{a="b} 1\n'],
    ["a series twice", '# TYPE x gauge\nx{a="b"} 1\nx{a="b"} 2\n'],
    ["a negative counter", "# TYPE x counter\nx -1\n"],
    ["no final line feed", "# TYPE x gauge\nx 1"],
    [
      "buckets that are not cumulative",
      '# TYPE h histogram\nh_bucket{le="1"} 3\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 2\n',
    ],
    ["a histogram without +Inf", '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n'],
    ["an unknown type", "# TYPE x meter\n"],
  ])("refuses %s", (_what, text) => {
    expect(() => parsePrometheusText(text)).toThrow(PrometheusParseError);
  });
});
