import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import styles from "@/components/admin/admin.module.css";
import { TreeAddForm } from "@/components/admin/tree-add-form";
import { TreeMoveForm, type MoveTarget } from "@/components/admin/tree-move-form";
import { TreeRetireForm } from "@/components/admin/tree-retire-form";
import { getItemTree, type ItemTree, type TreeNode } from "@/lib/data/admin";
import { titleIn } from "@/lib/i18n/localized";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

type Pillar = ItemTree[number];

function findNode(tree: ItemTree, code: string): { node: TreeNode; pillar: Pillar; parent: TreeNode | null } | null {
  for (const pillar of tree) {
    const walk = (nodes: TreeNode[], parent: TreeNode | null): ReturnType<typeof findNode> => {
      for (const node of nodes) {
        if (node.code === code) return { node, pillar, parent };
        const found = walk(node.children, node);
        if (found) return found;
      }
      return null;
    };
    const found = walk(pillar.items, null);
    if (found) return found;
  }
  return null;
}

export default async function TreePage({
  searchParams,
}: {
  searchParams: Promise<{ item?: string; pillar?: string }>;
}) {
  const [tree, params, t, locale] = await Promise.all([
    getItemTree(),
    searchParams,
    getTranslations("admin.tree"),
    getLocale(),
  ]);
  const title = (x: { title: string; titleEn: string | null }) => titleIn(x, locale);
  const pillarLabel = (p: Pillar) => t("pillar", { number: p.number, title: titleIn(p, locale) });

  const selected = typeof params.item === "string" ? findNode(tree, params.item) : null;
  const selectedPillar =
    !selected && typeof params.pillar === "string"
      ? (tree.find((p) => String(p.number) === params.pillar) ?? null)
      : null;

  let targets: MoveTarget[] = [];
  if (selected) {
    targets =
      selected.node.level === "RECOMMENDATION"
        ? tree
            .filter((p) => p.id !== selected.pillar.id)
            .map((p) => ({ value: `pillar:${p.id}`, label: pillarLabel(p) }))
        : tree.flatMap((p) =>
            p.items
              .filter((r) => r.level === "RECOMMENDATION" && !r.retired && r.id !== selected.parent?.id)
              .map((r) => ({ value: `item:${r.id}`, label: `${r.code} ${title(r)}` })),
          );
  }

  const renderNodes = (nodes: TreeNode[]) => (
    <ul className={styles.tree}>
      {nodes.map((n) => (
        <li key={n.id}>
          <Link
            href={`/admin/tree?item=${n.code}`}
            aria-current={selected?.node.id === n.id ? "true" : undefined}
            className={`${selected?.node.id === n.id ? styles.treeSelected : ""} ${n.retired ? styles.retired : ""}`}
          >
            {n.code} {title(n)}
          </Link>
          {n.retired && <span className="small muted"> （{t("retired")}）</span>}
          {n.children.length > 0 && renderNodes(n.children)}
        </li>
      ))}
    </ul>
  );

  return (
    <section>
      <h1>{t("title")}</h1>
      <AdminNav current="tree" />
      <p className="small">{t("intro")}</p>
      <div className={styles.treeLayout}>
        <nav aria-label={t("outline")} className={`card ${styles.treeScroll}`}>
          <ul className={styles.treeRoot}>
            {tree.map((p) => (
              <li key={p.id}>
                <Link
                  href={`/admin/tree?pillar=${p.number}`}
                  aria-current={selectedPillar?.id === p.id ? "true" : undefined}
                  className={selectedPillar?.id === p.id ? styles.treeSelected : undefined}
                >
                  <strong>{pillarLabel(p)}</strong>
                </Link>
                {renderNodes(p.items)}
              </li>
            ))}
          </ul>
        </nav>
        <div className={`stack ${styles.treePanel}`}>
          {!selected && !selectedPillar && <p className="card">{t("pick")}</p>}
          {selectedPillar && (
            <Card id="panel-heading" heading={pillarLabel(selectedPillar)}>
              <h3>{t("addRecommendation")}</h3>
              <TreeAddForm
                key={`p${selectedPillar.id}`}
                parent={`pillar:${selectedPillar.id}`}
                heading={t("addRecommendation")}
              />
            </Card>
          )}
          {selected && (
            <>
              <section className="card" aria-labelledby="panel-heading" data-testid="tree-selected">
                <h2 id="panel-heading">
                  {selected.node.code} {title(selected.node)}
                </h2>
                {selected.node.retired && <p className="small muted">{t("retired")}</p>}
                <p>
                  <Link href={`/items/${selected.node.code}`}>{t("viewItem")}</Link>
                </p>
              </section>
              {selected.node.level === "RECOMMENDATION" && !selected.node.retired && (
                <section className="card" aria-labelledby="add-heading">
                  <h3 id="add-heading">{t("addAction")}</h3>
                  <TreeAddForm
                    key={`i${selected.node.id}`}
                    parent={`item:${selected.node.id}`}
                    heading={t("addAction")}
                  />
                </section>
              )}
              <section className="card" aria-labelledby="move-heading">
                <h3 id="move-heading">{t("move")}</h3>
                <TreeMoveForm
                  key={`m${selected.node.id}`}
                  item={{ id: selected.node.id, code: selected.node.code, version: selected.node.version }}
                  targets={targets}
                />
              </section>
              <section className="card" aria-labelledby="retire-heading">
                <h3 id="retire-heading">{selected.node.retired ? t("restore") : t("retire")}</h3>
                <TreeRetireForm
                  key={`r${selected.node.id}`}
                  item={{
                    id: selected.node.id,
                    code: selected.node.code,
                    version: selected.node.version,
                    retired: selected.node.retired,
                  }}
                />
              </section>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
