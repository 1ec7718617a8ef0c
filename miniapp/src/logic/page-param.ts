/** A page parameter as typed into the address: percent-decoded when it can be, as it is when not. */
export function pageParam(raw: string | undefined): string {
  const value = raw ?? '';
  try {
    return decodeURIComponent(value).trim();
  } catch {
    return value.trim();
  }
}
