const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A lower-cased e-mail address, or null when the text is not one. */
export function normalizeEmail(input: string | null | undefined): string | null {
  const raw = input?.normalize('NFKC').trim();
  return raw && EMAIL.test(raw) ? raw.toLowerCase() : null;
}
