// The text of an e-mail in pieces, with the links a person may follow from the demo mailbox.

export interface MailPiece {
  text: string;
  /** Set for a link to `origin` (this web UI): the only links the demo mailbox makes clickable. */
  href?: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
// Punctuation that ends a sentence rather than the address ("…/reset-password#token=abc.").
const TRAILING = /[.,;:!?)\]]+$/;

/**
 * Splits `text` into plain pieces and links. A URL becomes a link only when it points to `origin`
 * (scheme, host and port); any other address stays text, so a message cannot send the reader
 * elsewhere from the mailbox.
 */
export function splitMailText(text: string, origin: string): MailPiece[] {
  const pieces: MailPiece[] = [];
  let last = 0;
  const push = (piece: MailPiece) => {
    const prev = pieces[pieces.length - 1];
    if (!piece.href && prev && !prev.href) prev.text += piece.text;
    else if (piece.text) pieces.push(piece);
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const raw = match[0].replace(TRAILING, '');
    push({ text: text.slice(last, start) });
    let href: string | undefined;
    try {
      const url = new URL(raw);
      if (url.origin === origin) href = url.href;
    } catch {
      href = undefined;
    }
    push(href ? { text: raw, href } : { text: raw });
    last = start + raw.length;
  }
  push({ text: text.slice(last) });
  return pieces;
}
