// Zusammenführen zweier Klientenakten in der Beratung auf Deutsch; die Schlüssel sind die englischen (clientMerge/en.ts).
import type { ClientMergeMessages } from './en';

const clientMerge: ClientMergeMessages = {
  actions: {
    client_merge: 'Hat zwei Akten der Person zu einer zusammengeführt',
  },
  fieldMessages: {
    mergeDuplicateMissing: 'Wählen Sie die Akte, die wegfällt.',
    mergeSelf: 'Eine Akte kann nicht mit sich selbst zusammengeführt werden.',
    mergeNotInRegion: 'Die andere Akte gehört zu keiner Person Ihrer Region.',
    mergeTwoRegions: 'Die Akten gehören zu zwei Regionen und können nicht zusammengeführt werden.',
  },
  clientMerge: {
    open: 'Vergleichen und zusammenführen',
    title: 'Vergleichen und zusammenführen: {{name}}',
    intro: 'Führen Sie zwei Akten nur zusammen, wenn sie dieselbe Person betreffen: Vergleichen Sie sie mit den Angaben der anrufenden Person.',
    compareCaption: 'Die geöffnete Akte und die ähnliche nebeneinander',
    columns: {
      opened: 'Geöffnete Akte',
      alike: 'Ähnliche Akte',
    },
    stays: 'bleibt',
    goes: 'fällt weg',
    rows: {
      name: 'Name',
      birthDate: 'Geburtsdatum',
      identityCode: 'Personenkennzeichen',
      address: 'Adresse',
      municipality: 'Gemeinde',
      phone: 'Telefon',
      email: 'E-Mail',
      language: 'Sprache',
      servedBy: 'Betreut von',
    },
    differs: 'weicht ab',
    noneServing: 'noch niemand',
    keepLegend: 'Welche Akte bleibt?',
    keepOption: '{{name}} behalten',
    hasEmail: 'hat eine E-Mail-Adresse: die Person meldet sich vielleicht an',
    noEmail: 'keine E-Mail-Adresse',
    cannotUndo: 'Das Zusammenführen lässt sich nicht rückgängig machen.',
    moves:
      'Alles, was zu {{gone}} erfasst ist, geht auf {{kept}} über: Bestellungen und Einwilligungen, Kostenzusagen, Beratungskontakte, Aufgaben, Bedarfseinschätzungen, Überweisungen, der Hilfeplan und Vollmachten. Die Akte {{gone}} lässt sich danach nicht mehr finden oder öffnen.',
    details: 'Die Angaben von {{kept}} bleiben, wie sie sind; was dort fehlt (Geburtsdatum, Adresse, Personenkennzeichen, Telefon), wird aus {{gone}} übernommen.',
    logged: 'Das Zusammenführen wird im Zugriffsprotokoll beider Akten mit dem Zweck „{{purpose}}“ vermerkt.',
    confirm: '{{gone}} in {{kept}} zusammenführen',
    merging: 'Wird zusammengeführt…',
    done: 'Die Akte {{gone}} ist mit dieser zusammengeführt.',
    mergedInto: 'Diese Akte wurde mit einer anderen zusammengeführt.',
    openMergedInto: 'Die verbliebene Akte öffnen',
    errors: {
      forbidden: 'Nur eine Koordinatorin oder ein Koordinator der Region kann Akten zusammenführen.',
      birthDates: 'Die Akten haben verschiedene Geburtsdaten: Es sind zwei Personen, die Akten lassen sich nicht zusammenführen.',
      identityCodes: 'Die Akten haben verschiedene Personenkennzeichen: Es sind zwei Personen, die Akten lassen sich nicht zusammenführen.',
      hasAccount:
        'Die Person von {{gone}} meldet sich mit dieser Akte an, daher muss sie bleiben. Die Auswahl ist jetzt umgekehrt: Prüfen Sie sie und führen Sie erneut zusammen.',
      mergedAlready: 'Eine der Akten wurde bereits zusammengeführt. Öffnen Sie die Akte erneut, um zu sehen, wohin sie ging.',
      conflict: 'Die Akten ließen sich in ihrem jetzigen Stand nicht zusammenführen. Öffnen Sie die Akte erneut und prüfen Sie.',
      notFound: 'Eine der Akten gibt es nicht mehr: Sie wurde vielleicht schon zusammengeführt.',
    },
  },
};

export default clientMerge;
