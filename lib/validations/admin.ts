// Forms of the administration area: accounts, units and the item tree. Messages are catalogue keys; the
// forms translate them with the field's LIMITS so "too long" can say how long is allowed.
import { z } from "zod";
import { Role, Side, UnitKind } from "../generated/prisma/enums";
import { idField } from "./id";
import { emailSchema } from "./notifications";
import { passwordProblems } from "./password";
import { LIMITS } from "./admin-limits";

const text = (max: number) =>
  z.string("validation.required").trim().min(1, "validation.required").max(max, "validation.tooLong");
/** An optional text: a blank field means "none" (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null));
/** A select whose blank option means "no unit". */
const optionalId = z.preprocess(
  (v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v),
  idField.nullable(),
);
const version = z.coerce
  .number("validation.notAnInteger")
  .int("validation.notAnInteger")
  .positive("validation.notAnInteger");

const role = z.enum(Role, "validation.invalidChoice");
/** A coordinator's side (JOINT: the 联合办公室, both sides); blank for every other role. */
const coordinatorScope = z.preprocess(
  (v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v),
  z.enum(["SICHUAN", "CHONGQING", "JOINT"] as const satisfies readonly Side[], "validation.invalidChoice").nullable(),
);

export const loginNameSchema = z
  .string("validation.required")
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(LIMITS.loginName, "validation.tooLong")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "admin.validation.loginNameChars");

/**
 * Editors write only for their own unit, so an editor without a unit could do nothing; a coordinator
 * reviews one side's items (or both), so a coordinator without a side could review nothing. Other roles have
 * no side: a stale choice left in the form is dropped rather than stored.
 */
function roleNeedsScope(
  value: { role: Role; unitId: number | null; coordinatorScope?: Side | null },
  ctx: z.RefinementCtx,
) {
  if (value.role === "EDITOR" && value.unitId === null)
    ctx.addIssue({ code: "custom", path: ["unitId"], message: "admin.validation.editorNeedsUnit" });
  if (value.role === "COORDINATOR" && !value.coordinatorScope)
    ctx.addIssue({ code: "custom", path: ["coordinatorScope"], message: "admin.validation.coordinatorNeedsScope" });
  if (value.role !== "COORDINATOR") value.coordinatorScope = null;
}

function passwordsMatch(
  value: { password: string; passwordConfirm: string; loginName?: string },
  ctx: z.RefinementCtx,
) {
  for (const message of passwordProblems(value.password, value.loginName))
    ctx.addIssue({ code: "custom", path: ["password"], message });
  if (value.password !== value.passwordConfirm)
    ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "validation.passwordMismatch" });
}

export const createUserSchema = z
  .object({
    loginName: loginNameSchema,
    displayName: text(LIMITS.displayName),
    role,
    unitId: optionalId,
    coordinatorScope,
    password: z.string("validation.required").max(256, "validation.passwordTooLong"),
    passwordConfirm: z.string("validation.required").max(256, "validation.passwordTooLong"),
  })
  .superRefine((v, ctx) => {
    roleNeedsScope(v, ctx);
    passwordsMatch(v, ctx);
  });

/** `email` absent: left as it is (blank: no address). */
export const updateUserSchema = z
  .object({
    userId: idField,
    displayName: text(LIMITS.displayName),
    role,
    unitId: optionalId,
    coordinatorScope,
    email: emailSchema.optional(),
  })
  .superRefine(roleNeedsScope);

export const approveUserSchema = z
  .object({ userId: idField, role, unitId: optionalId, coordinatorScope })
  .superRefine(roleNeedsScope);

export const setUserDisabledSchema = z.object({
  userId: idField,
  disabled: z.enum(["true", "false"], "validation.invalidChoice").transform((v) => v === "true"),
});

/** The login name is checked against the password in the action, once the account is loaded. */
export const resetPasswordSchema = z.object({
  userId: idField,
  password: z.string("validation.required").max(256, "validation.passwordTooLong"),
  passwordConfirm: z.string("validation.required").max(256, "validation.passwordTooLong"),
});

/** The password rules, which depend on the account's login name, and the confirmation. */
export function newPasswordSchema(loginName: string) {
  return z
    .object({ password: z.string(), passwordConfirm: z.string() })
    .superRefine((v, ctx) => passwordsMatch({ ...v, loginName }, ctx));
}

const unitFields = {
  name: text(LIMITS.unitName),
  shortName: optionalText(LIMITS.shortName),
  side: z.enum(Side, "validation.invalidChoice"),
  kind: z.enum(UnitKind, "validation.invalidChoice"),
};
export const createUnitSchema = z.object(unitFields);
/** 联络人 (contact person): one of the unit's own enabled accounts, or none (checked against the unit by the write). */
export const updateUnitSchema = z.object({
  unitId: idField,
  ...unitFields,
  // absent: left as it is (a form without the field); blank: none
  contactUserId: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    idField.nullable().optional(),
  ),
});

/** Where an item goes in the tree: directly under a pillar (a recommendation) or under a recommendation. */
export type TreeParent = { kind: "pillar"; id: number } | { kind: "item"; id: number };
const parentRef = z
  .string("validation.invalidChoice")
  .regex(/^(pillar|item):\d{1,9}$/, "validation.invalidChoice")
  .transform((v): TreeParent => {
    const [kind, n] = v.split(":") as ["pillar" | "item", string];
    return { kind, id: Number(n) };
  });
const requiredReason = z
  .string("admin.validation.reasonRequired")
  .trim()
  .min(1, "admin.validation.reasonRequired")
  .max(LIMITS.reason, "validation.tooLong");

export const addItemSchema = z.object({
  parent: parentRef,
  title: text(LIMITS.title),
  titleEn: optionalText(LIMITS.title),
  description: optionalText(LIMITS.description),
});
export const moveItemSchema = z.object({
  itemId: idField,
  version,
  parent: parentRef,
  reason: optionalText(LIMITS.reason),
});
export const retireItemSchema = z.object({ itemId: idField, version, reason: requiredReason });
export const restoreItemSchema = retireItemSchema;
