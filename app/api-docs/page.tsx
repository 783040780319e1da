import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { openApiDocument } from "@/lib/api/openapi";
import { rateLimitPerMinute } from "@/lib/auth/api-limits";
import { requireUser } from "@/lib/auth/session";
import { PROBLEM_CODES, PROBLEM_STATUS } from "@/lib/http/problem";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("api.docs");
  return { title: t("title") };
}

type Json = Record<string, unknown>;
const METHODS = ["get", "post", "patch", "put", "delete"] as const;

function JsonBlock({ value }: { value: unknown }) {
  return (
    <pre className="card" style={{ overflowX: "auto", maxHeight: "24rem" }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/**
 * The API reference, rendered on the server from the OpenAPI document (lib/api/openapi.ts): no script at all,
 * so it works under the site's CSP (lib/security-headers.ts) and needs nothing from another site.
 */
export default async function ApiDocsPage() {
  await requireUser();
  const [t, locale] = await Promise.all([getTranslations("api.docs"), getLocale()]);
  const problems = translator(toLocale(locale));
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Json>>; components: Json };
  const sections: ReactNode[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const id = `${method}-${path.replace(/[^a-z0-9]+/gi, "-")}`;
      const params = (op.parameters ?? []) as {
        name: string;
        in: string;
        required?: boolean;
        schema?: Json;
        description?: string;
      }[];
      const body = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
      const responses = op.responses as Record<
        string,
        { description?: string; content?: Record<string, { schema?: unknown }> }
      >;
      sections.push(
        <section key={id} id={id} className="stack">
          <h3>
            <code>{`${method.toUpperCase()} ${path}`}</code>
          </h3>
          <p>{String(op.summary ?? "")}</p>
          {params.length > 0 && (
            <table>
              <caption>{t("parameters")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("parameters")}</th>
                  <th scope="col">{t("in")}</th>
                  <th scope="col">{t("type")}</th>
                </tr>
              </thead>
              <tbody>
                {params.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <td>
                      <code>{p.name}</code>
                      {p.required ? ` (${t("required")})` : ""}
                      {p.description ? ` — ${p.description}` : ""}
                    </td>
                    <td>{p.in}</td>
                    <td>
                      <code>{JSON.stringify(p.schema ?? {})}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {body && (
            <>
              <h4>{t("body")}</h4>
              <JsonBlock value={Object.values(body)[0]?.schema} />
            </>
          )}
          <h4>{t("responses")}</h4>
          <ul>
            {Object.entries(responses).map(([status, r]) => (
              <li key={status}>
                <code>{status}</code> {r.description}
              </li>
            ))}
          </ul>
        </section>,
      );
    }
  }
  return (
    <article className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>{t("auth")}</p>
      <p>{t("errors")}</p>
      <p>{t("concurrency")}</p>
      <p>{t("limits", { limit: rateLimitPerMinute() })}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("document")}</a> ·{" "}
        <Link href="/account/tokens">{problems("api.tokens.title")}</Link>
      </p>
      <h2>{t("operations")}</h2>
      {sections}
      <h2 id="problems">{t("problems")}</h2>
      <dl>
        {PROBLEM_CODES.map((code) => (
          <div key={code} id={`problem-${code}`}>
            <dt>
              <code>{code}</code> ({PROBLEM_STATUS[code]}) {problems(`api.problems.${code}.title`)}
            </dt>
            <dd>{problems(`api.problems.${code}.detail`, { max: 65536, seconds: 60 })}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("schemas")}</h2>
      <JsonBlock value={doc.components.schemas} />
    </article>
  );
}
