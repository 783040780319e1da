// Malformed query parameters and path segments on every page (listed from app/): a clear answer, never a 500.
import { signInAs } from "./auth";
import { expect, test } from "./fixtures";
import { appRoutes } from "./support/routes";

const BAD_QUERIES = [
  "asOf=2026-13-45&compare=yesterday",
  "asOf=1899-01-01&compare=2999-01-01",
  "asOf=2026-01-01&compare=2026-06-01",
  "page=-5&size=99999&sort=code;DROP TABLE items&dir=sideways",
  "page=1e309&size=NaN",
  "status=NOPE&confidence=PURPLE&pillar=abc&unit=-1&region=999999&conference=0&side=MARS",
  "q=%27%20OR%201%3D1%3B--&overdue=maybe&stale=%00",
  `q=${encodeURIComponent("<script>alert(1)</script>".repeat(400))}`,
  "status=IN_PROGRESS&status=COMPLETED&pillar=1&pillar=2",
  "callbackUrl=https%3A%2F%2Fevil.example%2F&error=%3Cimg%20src%3Dx%3E",
  "year=1e309&by=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
];

const BAD_SEGMENTS: Record<string, string[]> = {
  "[code]": ["999.999", "%3Cscript%3E", "1.1.1'--", "a".repeat(300)],
  "[number]": ["0", "99", "abc", "-1", "1.5"],
};

test("malformed parameters and path segments never produce a server error", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, "admin");
  const [, realCode] =
    /\/items\/([\d.]+)/.exec(
      (await page.request.get("/items?level=ACTION").then((r) => r.text())).match(/href="\/items\/[\d.]+"/)?.[0] ?? "",
    ) ?? [];
  const failures: string[] = [];
  let tried = 0;
  for (const route of appRoutes("page.tsx")) {
    const dynamic = Object.keys(BAD_SEGMENTS).find((seg) => route.includes(seg));
    const fill = (value: string) => (dynamic ? route.replace(dynamic, value) : route);
    const urls = [
      ...BAD_QUERIES.map((q) => `${fill(dynamic === "[code]" ? (realCode ?? "1.1.1") : "1")}?${q}`),
      ...(dynamic ? BAD_SEGMENTS[dynamic]!.map((v) => fill(v)) : []),
    ];
    for (const url of urls) {
      tried++;
      const response = await page.request.get(url, { maxRedirects: 0 });
      const body = await response.text();
      if (response.status() >= 500) failures.push(`${url}: HTTP ${response.status()}`);
      // Script from the URL never comes back as markup.
      if (body.includes("<script>alert(1)</script>") || body.includes("<img src=x>"))
        failures.push(`${url}: input echoed as HTML`);
    }
  }
  expect(failures).toEqual([]);
  expect(tried).toBeGreaterThan(50);
});
