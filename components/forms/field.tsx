"use client";
import { createContext, useContext, type ReactNode } from "react";
import { FieldError } from "./field-error";
import styles from "./forms.module.css";

/**
 * What a field takes from its form: `ids`, the prefix of its fields' ids (a field named `title` gets the id
 * `${ids}-title`; "" → the name alone), and `state`, the last answer, whose fieldErrors each field shows by its
 * name. useActionForm gives it as `form`; <Fields form={form}> hands it to the fields inside (AdminForm does).
 */
export interface FormScope {
  ids: string;
  state: object | null | undefined;
}

const Scope = createContext<(FormScope & { fieldClass?: string; values?: object; uncapped?: boolean }) | null>(null);

/**
 * The fields of `form`: every field inside takes its ids and errors from it, its initial value from `values`
 * (by its name; null → empty) and its look from `fieldClass`. `uncapped`: its texts may be typed past their
 * `max` (no maxLength), and the action says so — for a form that keeps every value in state.
 */
export function Fields({
  form,
  fieldClass,
  values,
  uncapped,
  children,
}: {
  form: FormScope;
  fieldClass?: string;
  values?: object;
  uncapped?: boolean;
  children: ReactNode;
}) {
  return <Scope value={{ ...form, fieldClass, values, uncapped }}>{children}</Scope>;
}

/** Whether the enclosing form lets its texts be typed past their max (see Fields). */
export function useUncapped(): boolean {
  return useScope().uncapped === true;
}

function useScope() {
  const scope = useContext(Scope);
  if (!scope) throw new Error("A field belongs inside <Fields form={…}> (or an AdminForm).");
  return scope;
}

/** The messages `state` holds for the field `name` (none before the first answer, or after a success). */
function errorsIn(state: FormScope["state"], name: string): readonly string[] {
  const fieldErrors =
    state && "fieldErrors" in state ? (state.fieldErrors as Record<string, string[]> | undefined) : {};
  return fieldErrors?.[name] ?? [];
}

/** A field's own props: what ties it to its form, its label, hint and errors. The control gets the rest. */
export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  /** the length or number the errors name ({max}) */
  max?: number;
  /** more names whose errors show here (a hidden input's, or the batch's) */
  also?: readonly string[];
  /** the error element's id, when it is not `${id}-error` */
  errorId?: string;
  /** the form shows this field's errors itself, at errorId, apart from the field */
  errorsApart?: boolean;
  /** the wrapper's class, when it is not the form's (Fields' fieldClass) */
  className?: string;
}

/** What the control gets to be tied to its label, hint and errors, and its initial value when the form has one. */
export interface Tied {
  id: string;
  name: string;
  "aria-invalid": boolean;
  "aria-describedby": string;
  defaultValue?: string | number;
  defaultChecked?: boolean;
}

/**
 * A labelled control with its hint and its errors, all derived from the field's name and its form (the
 * enclosing <Fields>): the control (the render function's result) gets the id, name and aria wiring.
 */
export function Field(props: FieldProps & { children: (tied: Tied) => ReactNode }) {
  const scope = useScope();
  const id = scope.ids ? `${scope.ids}-${props.name}` : props.name;
  const errorId = props.errorId ?? `${id}-error`;
  const hintId = `${id}-hint`;
  const errors = [props.name, ...(props.also ?? [])].flatMap((name) => errorsIn(scope.state, name));
  const initial = scope.values && (scope.values as Record<string, unknown>)[props.name];
  return (
    <div className={props.className ?? scope.fieldClass ?? styles.field}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        name: props.name,
        "aria-invalid": errors.length > 0,
        "aria-describedby": props.hint ? `${hintId} ${errorId}` : errorId,
        ...(initial === undefined
          ? {}
          : typeof initial === "boolean"
            ? { defaultChecked: initial }
            : { defaultValue: (initial ?? "") as string | number }),
      })}
      {props.hint && (
        <span id={hintId} className={styles.hint}>
          {props.hint}
        </span>
      )}
      {!props.errorsApart && <FieldError id={errorId} errors={errors} values={{ max: props.max ?? 0 }} />}
    </div>
  );
}
