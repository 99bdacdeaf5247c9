/** Surname of an author name as an author-year citation prints it ("Peter L. Bartlett", "Bartlett, Peter L.", "{OpenAI}"). */
export function surname(name: string): string {
  const clean = name.replace(/[{}]/g, '').trim();
  if (clean.includes(',')) return clean.split(',')[0]?.trim() ?? clean;
  const parts = clean.split(/\s+/);
  // A suffix is not the surname: "Guy L. Steele Jr." is Steele.
  if (parts.length >= 3 && /^(jr|sr)\.?$|^(ii|iii|iv)$/i.test(parts.at(-1) ?? '')) parts.pop();
  // Keep particles with the surname: "von Luxburg", "de Finetti".
  for (let i = 1; i < parts.length - 1; i++) {
    if (/^(von|van|der|de|da|di|del|la|le)$/.test(parts[i] ?? '')) return parts.slice(i).join(' ');
  }
  return parts.at(-1) ?? clean;
}
