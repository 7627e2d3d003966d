// The directory's reference data (categories, places), asked once per page load and shared: it
// labels facet values, areas and the editor's choices in the reader's language.
import { useEffect, useMemo, useState } from 'react';
import * as directory from '../api/directory';
import type { Category, Place } from '../api/types';
import { useSession } from '../session/SessionContext';
import { pickText } from './serviceText';

let categoriesAsked: Promise<Category[]> | null = null;
let placesAsked: Promise<Place[]> | null = null;

function useShared<T>(ask: () => Promise<T[]>): { items: T[] | null; failed: boolean } {
  const [items, setItems] = useState<T[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    ask().then(
      (v) => live && setItems(v),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [ask]);
  return { items, failed };
}

function askCategories(): Promise<Category[]> {
  categoriesAsked ??= directory.listCategories().catch((e: unknown) => {
    categoriesAsked = null; // ask again next time
    throw e;
  });
  return categoriesAsked;
}

function askPlaces(): Promise<Place[]> {
  placesAsked ??= directory.listPlaces().catch((e: unknown) => {
    placesAsked = null;
    throw e;
  });
  return placesAsked;
}

export interface DirectoryNames {
  categories: Category[];
  places: Place[];
  /** The category's name in the reader's language; the code while the names load. */
  categoryName: (code: string) => string;
  /** The place's name in the reader's language (Swedish names where Finland has them). */
  placeName: (code: string) => string;
  place: (code: string) => Place | undefined;
  municipalities: Place[];
  ready: boolean;
}

export function useDirectoryNames(): DirectoryNames {
  const { language } = useSession();
  const categories = useShared(askCategories);
  const places = useShared(askPlaces);
  return useMemo(() => {
    const cats = categories.items ?? [];
    const pls = places.items ?? [];
    const byCode = new Map(pls.map((p) => [p.code, p]));
    const catByCode = new Map(cats.map((c) => [c.code, c]));
    const collator = new Intl.Collator(language);
    return {
      categories: cats,
      places: pls,
      categoryName: (code) => pickText(catByCode.get(code)?.name, language).text || code,
      placeName: (code) => pickText(byCode.get(code)?.name, language).text || code,
      place: (code) => byCode.get(code),
      municipalities: pls
        .filter((p) => p.kind === 'municipality')
        .sort((a, b) => collator.compare(pickText(a.name, language).text, pickText(b.name, language).text)),
      ready: categories.items !== null && places.items !== null,
    };
  }, [categories.items, places.items, language]);
}
