// Feature texts live in their own files (locales/<feature>/<lang>.ts) and may add keys to shared
// groups (nav, home.cards, actions, fieldMessages): they are merged into the language's texts
// here. A key defined twice is a mistake that would silently hide one text, so it throws.

type Texts = { [key: string]: string | Texts };

function isGroup(v: unknown): v is Texts {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `base` with every key of each of `parts` added, groups merged at any depth; throws on a key given twice. */
export function mergeTexts<T extends object>(base: T, ...parts: object[]): T {
  const out = structuredClone(base) as unknown as Texts;
  const add = (into: Texts, from: Texts, path: string) => {
    for (const [k, v] of Object.entries(from)) {
      const here = path ? `${path}.${k}` : k;
      const existing = into[k];
      if (existing === undefined) {
        into[k] = isGroup(v) ? structuredClone(v) : v;
      } else if (isGroup(existing) && isGroup(v)) {
        add(existing, v, here);
      } else {
        throw new Error(`the text ${here} is defined twice`);
      }
    }
  };
  for (const part of parts) add(out, part as Texts, '');
  return out as unknown as T;
}
