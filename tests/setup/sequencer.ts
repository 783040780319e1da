// The order vitest starts test files in. The integration files that clone the sample template wait until it is
// seeded (minutes of CPU, started at the beginning of `npm test`): the files that need no sample go first, so the
// seed overlaps them instead of leaving a worker waiting. Within each group, vitest's own order (failed and
// longest first from its cache; larger files first on a clean clone).
import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const needsSample = (spec: TestSpecification) => readFileSync(spec.moduleId, "utf8").includes("sample: true");

export class SampleLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const later = new Set(sorted.filter(needsSample));
    return [...sorted.filter((f) => !later.has(f)), ...later];
  }
}
