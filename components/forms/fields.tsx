"use client";
// The one way to write a form's field: <TextField name="title" label={…} />, inside <Fields form={form}> (or an
// AdminForm). The field's name and its form give its id, its errors and the aria wiring (see Field); Field's own
// props go to the Field, the rest to the control. A select's options are written with Options (./options.tsx).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { EMAIL_MAX } from "@/lib/validations/notification-limits";
import { Field, useUncapped, type FieldProps, type Tied } from "./field";

/** What a control may not set itself: Field sets it, or it means something else here. */
type Owned = Exclude<keyof Tied, "defaultValue" | "defaultChecked"> | "form" | "max" | "min" | "maxLength";
type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, Owned>;

function apart<P extends FieldProps>({ name, label, hint, max, also, errorId, errorsApart, className, ...control }: P) {
  return [{ name, label, hint, max, also, errorId, errorsApart, className }, control] as const;
}

/**
 * How long a text may be: `max` is the length the errors name and, unless the form is uncapped (see Fields), the
 * control's maxLength; `maxLength`, a browser limit of its own.
 */
interface Length {
  max?: number;
  maxLength?: number;
}

function useCapped<P extends Length>({ maxLength, ...props }: P) {
  const uncapped = useUncapped();
  return [props, { maxLength: maxLength ?? (uncapped ? undefined : props.max) }] as const;
}

/** A text input (or another one-line type: password, search), at most `max` characters (see Length). */
export function TextField(props: FieldProps & Length & InputProps) {
  const [rest, length] = useCapped(props);
  const [field, control] = apart(rest);
  return <Field {...field}>{(tied) => <input {...tied} {...length} {...control} />}</Field>;
}

/**
 * A decimal typed as text (an amount, a 指标 figure): the decimal keypad on touch screens and no autofill. The text
 * goes to the server as typed, which parses it exactly (never a JavaScript number).
 */
export function DecimalField(props: FieldProps & Length & Omit<InputProps, "type" | "inputMode" | "autoComplete">) {
  return <TextField {...props} inputMode="decimal" autoComplete="off" />;
}

/** A text of several lines, at most `max` characters (see Length). */
export function TextAreaField(props: FieldProps & Length & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Owned>) {
  const [rest, length] = useCapped(props);
  const [field, control] = apart(rest);
  return <Field {...field}>{(tied) => <textarea {...tied} {...length} {...control} />}</Field>;
}

/** An e-mail address, at most EMAIL_MAX characters. */
export function EmailField(props: Omit<FieldProps, "max"> & Omit<InputProps, "type">) {
  const [field, control] = apart({ ...props, max: EMAIL_MAX });
  return <Field {...field}>{(tied) => <input {...tied} type="email" maxLength={EMAIL_MAX} {...control} />}</Field>;
}

/** A calendar day (YYYY-MM-DD). */
export function DateField(props: FieldProps & Omit<InputProps, "type">) {
  const [field, control] = apart(props);
  return <Field {...field}>{(tied) => <input {...tied} type="date" {...control} />}</Field>;
}

/** A whole number from `min` to `max`, with the numeric keypad on touch screens. */
export function NumberField({ min, ...props }: FieldProps & InputProps & { min: number; max: number }) {
  const [field, control] = apart(props);
  return (
    <Field {...field}>
      {(tied) => <input {...tied} type="number" inputMode="numeric" min={min} max={props.max} step={1} {...control} />}
    </Field>
  );
}

/** A select; `children` are its options (Options, after any empty first choice). */
export function SelectField({
  children,
  ...props
}: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, Owned> & { children: ReactNode }) {
  const [field, control] = apart(props);
  return (
    <Field {...field}>
      {(tied) => (
        <select {...tied} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** A yes/no box, labelled above like every other field. */
export function CheckboxField(props: FieldProps & Omit<InputProps, "type">) {
  const [field, control] = apart(props);
  return <Field {...field}>{(tied) => <input {...tied} type="checkbox" {...control} />}</Field>;
}

/** A field whose value a form keeps in state: `<TextField {...inState(title, setTitle)} />`. */
export function inState(value: string, set: (value: string) => void) {
  return { value, onChange: (e: { target: { value: string } }) => set(e.target.value) };
}
