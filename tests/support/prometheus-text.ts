// A strict parser of the Prometheus text exposition format (0.0.4), for tests of /api/metrics: it refuses
// anything a scraper could misread — a sample before its family's TYPE, a malformed name, label or value, an
// unknown escape, a series twice, a histogram whose buckets are not cumulative or lack +Inf = _count.
// https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format

export type MetricType = "counter" | "gauge" | "histogram" | "summary" | "untyped";

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: MetricType;
  help: string;
  samples: Sample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

export class PrometheusParseError extends Error {}

function fail(line: number, message: string): never {
  throw new PrometheusParseError(`line ${line}: ${message}`);
}

/** As Prometheus reads it (Go's ParseFloat): NaN and Inf in any case, Inf and Infinity with a sign. */
function parseValue(raw: string, line: number): number {
  if (/^[+]?inf(inity)?$/i.test(raw)) return Infinity;
  if (/^-inf(inity)?$/i.test(raw)) return -Infinity;
  if (/^nan$/i.test(raw)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) fail(line, `not a number: ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** `{a="x",b="y"}` starting at text[0] === "{": the labels and the rest of the line after "}". */
function parseLabels(text: string, line: number): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let i = 1;
  for (;;) {
    while (text[i] === " ") i++;
    if (text[i] === "}") return { labels, rest: text.slice(i + 1) };
    const nameMatch = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i));
    if (!nameMatch) fail(line, "malformed label name");
    const name = nameMatch[0];
    if (!LABEL_NAME.test(name)) fail(line, `malformed label name ${name}`);
    if (name in labels) fail(line, `label ${name} twice`);
    i += name.length;
    if (text[i] !== "=" || text[i + 1] !== '"') fail(line, `label ${name} without ="…"`);
    i += 2;
    let value = "";
    for (;;) {
      const c = text[i];
      if (c === undefined) fail(line, `unterminated value of label ${name}`);
      if (c === '"') break;
      if (c === "\\") {
        const next = text[i + 1];
        if (next === "\\") value += "\\";
        else if (next === '"') value += '"';
        else if (next === "n") value += "\n";
        else fail(line, `unknown escape \\${next ?? ""} in label ${name}`);
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    labels[name] = value;
    i++;
    if (text[i] === ",") i++;
    else if (text[i] !== "}") fail(line, `expected , or } after label ${name}`);
  }
}

function familyOf(sampleName: string, families: Map<string, Family>): Family | undefined {
  const exact = families.get(sampleName);
  if (exact) return exact;
  for (const suffix of ["_bucket", "_sum", "_count"]) {
    if (!sampleName.endsWith(suffix)) continue;
    const family = families.get(sampleName.slice(0, -suffix.length));
    if (family && (family.type === "histogram" || (family.type === "summary" && suffix !== "_bucket"))) return family;
  }
  return undefined;
}

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  if (text !== "" && !text.endsWith("\n")) fail(0, "the text must end with a line feed");
  const lines = text.split("\n");
  lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    if (raw.startsWith("#")) {
      const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(raw);
      if (!m) return; // a plain comment
      const [, kind, name, rest] = m as unknown as [string, "HELP" | "TYPE", string, string];
      if (!NAME.test(name)) fail(line, `malformed metric name ${name}`);
      const family = families.get(name) ?? { name, type: "untyped" as MetricType, help: "", samples: [] };
      if (kind === "TYPE") {
        if (!TYPES.has(rest)) fail(line, `unknown type ${rest}`);
        if (family.samples.length > 0) fail(line, `TYPE of ${name} after its samples`);
        family.type = rest as MetricType;
      } else {
        if (/\\[^\\n]/.test(rest.replace(/\\\\/g, ""))) fail(line, `unknown escape in HELP of ${name}`);
        family.help = rest;
      }
      families.set(name, family);
      return;
    }
    const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(raw);
    if (!nameMatch) fail(line, `malformed sample: ${raw}`);
    const name = nameMatch[0];
    let rest = raw.slice(name.length);
    let labels: Record<string, string> = {};
    if (rest.startsWith("{")) ({ labels, rest } = parseLabels(rest, line));
    const parts = rest.trim().split(/\s+/);
    if (!rest.startsWith(" ") || parts.length < 1 || parts.length > 2) fail(line, `malformed sample: ${raw}`);
    const value = parseValue(parts[0]!, line);
    if (parts[1] !== undefined && !/^-?\d+$/.test(parts[1])) fail(line, `malformed timestamp ${parts[1]}`);
    const family = familyOf(name, families);
    if (!family) fail(line, `sample ${name} has no TYPE before it`);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(key)) fail(line, `series ${key} twice`);
    seen.add(key);
    if (family.type === "counter" && (value < 0 || Number.isNaN(value))) fail(line, `counter ${name} is ${value}`);
    family.samples.push({ name, labels, value });
  });
  for (const family of families.values()) if (family.type === "histogram") checkHistogram(family);
  return families;
}

function checkHistogram(family: Family): void {
  const groups = new Map<string, { buckets: { le: number; value: number }[]; count?: number }>();
  for (const s of family.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const group = groups.get(key) ?? { buckets: [] };
    groups.set(key, group);
    if (s.name === `${family.name}_bucket`) {
      if (le === undefined) fail(0, `${family.name}_bucket without le`);
      group.buckets.push({ le: parseValue(le, 0), value: s.value });
    } else if (s.name === `${family.name}_count`) group.count = s.value;
  }
  for (const [key, group] of groups) {
    const sorted = [...group.buckets].sort((a, b) => a.le - b.le);
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.value < sorted[i - 1]!.value) fail(0, `${family.name}${key}: buckets are not cumulative`);
    const inf = sorted.at(-1);
    if (!inf || inf.le !== Infinity) fail(0, `${family.name}${key}: no +Inf bucket`);
    if (group.count !== inf.value) fail(0, `${family.name}${key}: +Inf bucket ${inf.value} ≠ _count ${group.count}`);
  }
}

/** The value of one series (0 when absent: a counter that never moved has no series yet). */
export function sampleValue(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  for (const family of families.values()) {
    for (const s of family.samples) {
      if (s.name !== name) continue;
      if (Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
    }
  }
  return 0;
}

/** The sum over every series of `name` whose labels include `labels`. */
export function sampleSum(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const family of families.values())
    for (const s of family.samples)
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) sum += s.value;
  return sum;
}
