// A large import for the crash test: the whole portfolio's items file from the real export (/api/reports),
// with the responsible person of EVERY row changed, as an administrator would in Excel. Applying it changes
// every item in one transaction (lib/actions/import.ts), which takes long enough to crash in the middle.
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { ITEM_COLUMNS } from "../../../lib/report/item-columns";
import type { HttpSession } from "../../../tests/support/http-client";

export interface ImportFile {
  bytes: Buffer;
  hash: string;
  codes: string[];
}

/** The export of every item with `person` typed into each row's responsible-person cell. */
export async function portfolioFileWithPerson(session: HttpSession, person: string): Promise<ImportFile> {
  const response = await session.fetch("/api/reports?scope=all&compare=none&format=xlsx");
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await response.arrayBuffer());
  const sheet = wb.worksheets.find((ws) => ws.getRow(1).getCell(1).text === ITEM_COLUMNS[0]!.zh);
  if (!sheet) throw new Error("no items sheet in the export");
  const column = ITEM_COLUMNS.findIndex((c) => c.key === "responsiblePerson") + 1;
  const codes: string[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    codes.push(row.getCell(1).text);
    row.getCell(column).value = person;
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, hash: createHash("sha256").update(bytes).digest("hex"), codes };
}

/** The upload form's fields (tests/support/import-files.ts has the same, but imports JSON Playwright cannot load). */
function fileForm(bytes: Buffer, name: string, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append(
    "file",
    new File([new Uint8Array(bytes)], name, {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  );
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  return form;
}

export interface ImportAnswer {
  ok: boolean;
  code?: string;
  data?: { plan?: { counts: { rows: number; changed: number } }; changed?: unknown[] };
}

export function previewImport(session: HttpSession, file: ImportFile) {
  return session.callAction<ImportAnswer>(
    "lib/actions/import.ts",
    "previewImport",
    [null, fileForm(file.bytes, "全部事项.xlsx")],
    "/items/import",
  );
}

export function applyImport(session: HttpSession, file: ImportFile) {
  return session.callAction<ImportAnswer>(
    "lib/actions/import.ts",
    "applyImport",
    [null, fileForm(file.bytes, "全部事项.xlsx", { fileHash: file.hash })],
    "/items/import",
  );
}
