// zod schemas for evidence files (佐证材料): the file name a person uploads under, and the form that removes one.
// The name is kept as given (Chinese and other scripts welcome), only normalised to NFC so that the same name
// typed on macOS and on Windows is the same text; anything that could act as a path, or hide what the name says,
// is refused. Messages are catalogue keys in the "evidence" namespace.
import { z } from "zod";
import { idField } from "./id";

/** Longest file name kept, in characters (code points). */
export const FILE_NAME_MAX = 200;
/** One file's size limit, and all of one report's files together (issue 14: 20 MB each, 100 MB a report). */
export const EVIDENCE_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_REPORT_MAX_BYTES = 100 * 1024 * 1024;

/** Bidirectional-text controls: "报告\u202Efdp.exe" would show as "报告exe.pdf". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// C0 and C1 control characters, DEL, and the Unicode line/paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** An uploaded file's name: trimmed and NFC-normalised, or refused with the reason. */
export const evidenceFileNameSchema = z
  .string({ error: "evidence.errors.nameMissing" })
  .transform((raw) => raw.normalize("NFC").trim())
  .superRefine((name, ctx) => {
    const problem = fileNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: `evidence.errors.${problem}` });
  });

type NameProblem = "nameMissing" | "nameControl" | "namePath" | "nameTooLong";

function fileNameProblem(name: string): NameProblem | null {
  if (name === "") return "nameMissing";
  if (CONTROL.test(name) || BIDI_CONTROLS.test(name)) return "nameControl";
  // A path part: a separator of any system, or a name that is only dots (".", "..").
  if (/[/\\]/.test(name) || /^\.+$/.test(name)) return "namePath";
  if ([...name].length > FILE_NAME_MAX) return "nameTooLong";
  return null;
}

/** The upload's other field: the report the file belongs to. */
export const evidenceUploadSchema = z.object({ reportId: idField, fileName: evidenceFileNameSchema });

/** The form that removes one file. */
export const removeEvidenceSchema = z.object({ attachmentId: idField });
