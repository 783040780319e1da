// The mails themselves: Chinese subject and body, plain text and simple HTML, the absolute link to the thing and
// a link to the e-mail settings (unsubscribe, or the daily digest). Built here into the raw message bytes,
// so every attempt of a mail is the same message with the same Message-ID.
import MailComposer from "nodemailer/lib/mail-composer";
import { notificationText } from "../i18n/notification-text";
import { translator } from "../i18n/translator";

/** Where a person changes their e-mail settings (the unsubscribe link of every mail). */
export const SETTINGS_PATH = "/account/notifications";

export interface MailNotification {
  kind: string;
  params: unknown;
  link: string;
}

export interface ComposeInput {
  from: string;
  to: string;
  name: string;
  messageId: string;
  appUrl: string;
  date: Date;
}

interface Content {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const t = () => translator("zh-CN", "notifications");

function frame(input: ComposeInput, subject: string, textBody: string[], htmlBody: string): Content {
  const tr = t();
  const settings = `${input.appUrl}${SETTINGS_PATH}`;
  const text = [
    tr("mail.greeting", { name: input.name }),
    "",
    ...textBody,
    "",
    "——",
    tr("mail.footer"),
    tr("mail.unsubscribe", { url: settings }),
    "",
  ].join("\n");
  const html =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:sans-serif;line-height:1.6">` +
    `<p>${escapeHtml(tr("mail.greeting", { name: input.name }))}</p>${htmlBody}` +
    `<hr><p style="color:#666;font-size:small">${escapeHtml(tr("mail.footer"))}<br>` +
    `<a href="${escapeHtml(settings)}">${escapeHtml(tr("mail.unsubscribeLabel"))}</a></p></body></html>`;
  return { subject: tr("mail.subjectPrefix") + subject, text, html };
}

export function notificationMail(input: ComposeInput, n: MailNotification): Content {
  const tr = t();
  const { title, body } = notificationText(tr, n.kind, n.params);
  const url = `${input.appUrl}${n.link}`;
  return frame(
    input,
    title,
    [body, "", tr("mail.open", { url })],
    `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(tr("mail.openLabel"))}</a></p>`,
  );
}

/** `day` as 2031年3月20日 */
function chineseDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export function digestMail(input: ComposeInput, day: string, items: MailNotification[]): Content {
  const tr = t();
  const label = chineseDay(day);
  const texts = items.map((n) => ({ ...notificationText(tr, n.kind, n.params), url: `${input.appUrl}${n.link}` }));
  return frame(
    input,
    tr("mail.digestSubject", { day: label, count: items.length }),
    [
      tr("mail.digestIntro", { day: label, count: items.length }),
      "",
      ...texts.flatMap((x, i) => [`${i + 1}. ${x.title}`, `   ${x.body}`, `   ${x.url}`, ""]),
    ],
    `<p>${escapeHtml(tr("mail.digestIntro", { day: label, count: items.length }))}</p><ol>` +
      texts
        .map(
          (x) =>
            `<li><p><a href="${escapeHtml(x.url)}"><strong>${escapeHtml(x.title)}</strong></a><br>${escapeHtml(x.body)}</p></li>`,
        )
        .join("") +
      `</ol>`,
  );
}

/** The raw message: UTF-8, headers encoded as RFC 2047 where they are Chinese. */
export function buildMessage(input: ComposeInput, content: Content): Promise<Buffer> {
  const settings = `${input.appUrl}${SETTINGS_PATH}`;
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    subject: content.subject,
    text: content.text,
    html: content.html,
    messageId: input.messageId,
    date: input.date,
    headers: { "Auto-Submitted": "auto-generated", "List-Unsubscribe": `<${settings}>` },
  });
  return new Promise((resolve, reject) =>
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message))),
  );
}
