// Evidence files (佐证材料) as the pages and the download route read them. The list never loads the files'
// bytes; only the download of one file does. Takes the client so tests can call it directly.
import type { Db } from "../prisma-client";

export interface EvidenceEntry {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  /** the uploader's display name (null when the account is gone) */
  uploadedBy: string | null;
}

/** A report's files, oldest first (the order they were added in). */
export async function listReportAttachments(client: Db, reportId: number): Promise<EvidenceEntry[]> {
  const rows = await client.attachment.findMany({
    where: { reportId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fileName: true,
      mediaType: true,
      size: true,
      sha256: true,
      createdAt: true,
      uploadedBy: { select: { displayName: true } },
    },
  });
  return rows.map(({ uploadedBy, ...row }) => ({ ...row, uploadedBy: uploadedBy?.displayName ?? null }));
}

export interface EvidenceFile {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

/** One file with its bytes, or null when there is none with this id. */
export async function readAttachmentFile(client: Db, id: number): Promise<EvidenceFile | null> {
  return client.attachment.findUnique({
    where: { id },
    select: { id: true, fileName: true, mediaType: true, size: true, sha256: true, content: true },
  });
}
