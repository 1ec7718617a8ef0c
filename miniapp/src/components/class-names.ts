/** Joins the class names that apply; `false`, `null`, `undefined` and '' drop out. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
