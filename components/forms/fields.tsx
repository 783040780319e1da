"use client";
// The usual controls, each in its Field, so a form writes a field as one element instead of a Field and its
// render function. Field's own props (id, label, errors, max, hint, errorId, className) go to the Field, the
// rest to the control; a select (its options written with Options, ./options.tsx) or a checklist still uses Field
// itself.
import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";
import { EMAIL_MAX } from "@/lib/validations/notifications";
import { Field } from "./field";

type FieldProps = Omit<Parameters<typeof Field>[0], "children">;
/** What Field sets on the control to tie it to its label, hint and errors. */
type Tied = "id" | "aria-invalid" | "aria-describedby";
type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, Tied | "max" | "min">;

function apart<P extends FieldProps>({ id, label, errors, max, hint, errorId, className, ...control }: P) {
  return [{ id, label, errors, max, hint, errorId, className }, control] as const;
}

/** A text input (or another one-line type: password, search); `max` is the length the errors name. */
export function TextField(props: FieldProps & InputProps) {
  const [field, control] = apart(props);
  return <Field {...field}>{(a11y) => <input {...a11y} {...control} />}</Field>;
}

/** An e-mail address (named `email` unless told otherwise), at most EMAIL_MAX characters. */
export function EmailField(props: Omit<FieldProps, "max"> & Omit<InputProps, "type" | "maxLength">) {
  const [field, control] = apart({ ...props, max: EMAIL_MAX });
  return (
    <Field {...field}>
      {(a11y) => <input {...a11y} type="email" name="email" maxLength={EMAIL_MAX} {...control} />}
    </Field>
  );
}

/** A calendar day (YYYY-MM-DD). */
export function DateField(props: FieldProps & Omit<InputProps, "type">) {
  const [field, control] = apart(props);
  return <Field {...field}>{(a11y) => <input {...a11y} type="date" {...control} />}</Field>;
}

/** A whole number from `min` to `max`, with the numeric keypad on touch screens. */
export function NumberField({
  min,
  max,
  ...props
}: Omit<FieldProps, "max"> & InputProps & { min: number; max: number }) {
  const [field, control] = apart(props);
  return (
    <Field {...field}>
      {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={min} max={max} step={1} {...control} />}
    </Field>
  );
}

/** A text of several lines; `max` is the length the errors name. */
export function TextAreaField(props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Tied>) {
  const [field, control] = apart(props);
  return <Field {...field}>{(a11y) => <textarea {...a11y} {...control} />}</Field>;
}
