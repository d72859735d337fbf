// Lesson text after resolution is plain text with `code` spans; this draws the spans as <code>. Nothing else in a
// template is markup, so no HTML is ever injected.

import { splitCode } from './splitCode.ts';

export function RichText({ text }: { text: string }) {
  return (
    <>
      {splitCode(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>))}
    </>
  );
}

/** The text without its backticks, for aria-labels and titles. */
export function plainText(text: string): string {
  return splitCode(text)
    .map((p) => p.text)
    .join('');
}
