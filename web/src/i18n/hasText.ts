/**
 * Whether a language's translations have a text (not blank) at a dotted key ("desk.channels.phone").
 * The tests of keys built from values ask it: the general test finds only keys written out in t('…').
 */
export function hasText(tree: unknown, key: string): boolean {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}
