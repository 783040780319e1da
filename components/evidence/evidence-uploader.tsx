"use client";
// Uploading one evidence file to POST /api/evidence with XMLHttpRequest, whose upload events give the progress
// a 20 MB file over a slow government network needs (fetch reports none). The server decides everything; this
// leaf only refuses, before sending, what it can already see (no file, an empty one, one over the size limit),
// shows the answer's message, and redraws the page's list after a success.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, SubmitButton } from "@/components/forms/buttons";
import formStyles from "@/components/forms/forms.module.css";
import styles from "./evidence.module.css";

type Phase =
  | { kind: "idle" }
  | { kind: "sending"; name: string; percent: number }
  | { kind: "checking"; name: string }
  | { kind: "done"; message: string }
  | { kind: "failed"; name: string; reason: string };

export function EvidenceUploader(props: { reportId: number; accept: string; maxBytes: number; hint: string }) {
  const t = useTranslations("evidence");
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const request = useRef<XMLHttpRequest | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = `evidence-file-${props.reportId}`;
  const busy = phase.kind === "sending" || phase.kind === "checking";

  // A request still running when the panel goes away is abandoned.
  useEffect(() => () => request.current?.abort(), []);

  const fail = (name: string, reason: string) => {
    setPhase({ kind: "failed", name, reason });
    input.current?.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return fail("", t("errors.noFile"));
    if (file.size === 0) return fail(file.name, t("errors.empty"));
    if (file.size > props.maxBytes) return fail(file.name, t("errors.tooLarge", { max: props.maxBytes / 1024 / 1024 }));

    const body = new FormData();
    body.set("reportId", String(props.reportId));
    body.set("file", file);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", "/api/evidence");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.min(100, Math.floor((e.loaded / e.total) * 100));
      setPhase(percent >= 100 ? { kind: "checking", name: file.name } : { kind: "sending", name: file.name, percent });
    };
    xhr.upload.onload = () => setPhase({ kind: "checking", name: file.name });
    xhr.onload = () => {
      request.current = null;
      let answer: { ok?: boolean; message?: string } = {};
      try {
        answer = JSON.parse(xhr.responseText) as typeof answer;
      } catch {
        // Not our JSON (a proxy's error page): say what the status says.
      }
      if (xhr.status >= 200 && xhr.status < 300 && answer.ok) {
        setPhase({ kind: "done", message: answer.message ?? t("upload.done", { name: file.name }) });
        if (input.current) input.current.value = "";
        router.refresh();
        return;
      }
      fail(file.name, answer.message ?? (xhr.responseText.slice(0, 300) || t("errors.unavailable")));
    };
    xhr.onerror = () => {
      request.current = null;
      fail(file.name, t("errors.network"));
    };
    xhr.onabort = () => {
      request.current = null;
      setPhase({ kind: "idle" });
    };
    setPhase({ kind: "sending", name: file.name, percent: 0 });
    xhr.send(body);
  };

  return (
    <form className={styles.uploader} onSubmit={onSubmit} noValidate data-testid="evidence-upload">
      <label htmlFor={id}>{t("upload.label")}</label>
      <div className={styles.row}>
        <input
          ref={input}
          id={id}
          name="file"
          type="file"
          accept={props.accept}
          disabled={busy}
          aria-describedby={`${id}-hint ${id}-status`}
          onChange={() => phase.kind !== "idle" && !busy && setPhase({ kind: "idle" })}
        />
        <SubmitButton pending={busy} label={t("upload.submit")} variant="secondary" />
        {phase.kind === "sending" && <Button onClick={() => request.current?.abort()}>{t("upload.cancel")}</Button>}
      </div>
      <span id={`${id}-hint`} className={formStyles.hint}>
        {props.hint}
      </span>
      <div id={`${id}-status`} aria-live="polite" role="status" className={formStyles.message}>
        {phase.kind === "sending" && (
          <>
            <progress className={styles.progress} max={100} value={phase.percent} aria-label={t("upload.progress")} />{" "}
            {t("upload.sending", { name: phase.name, percent: phase.percent })}
          </>
        )}
        {phase.kind === "checking" && t("upload.checking")}
        {phase.kind === "done" && <p className={formStyles.success}>{phase.message}</p>}
        {phase.kind === "failed" && (
          <p className={formStyles.alert} role="alert">
            {phase.name ? t("upload.failed", { name: phase.name, reason: phase.reason }) : phase.reason}
          </p>
        )}
      </div>
    </form>
  );
}
