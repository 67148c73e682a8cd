// The HTML every notification email is made of: plain markup with inline styles (mail clients
// drop style sheets), every text escaped.

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A whole email: `body` (already escaped markup) and, last, the link to open it in the app. */
export function htmlEmail(locale: string, body: string, link: { url: string; label: string }): string {
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.6;color:#0f172a">${body}`
    + `<p><a href="${escapeHtml(link.url)}" style="color:#1d4ed8">${escapeHtml(link.label)}</a></p></body></html>`;
}
