// Sammanslagning av två klientuppgifter vid rådgivningen på svenska; nycklarna är de engelska (clientMerge/en.ts).
import type { ClientMergeMessages } from './en';

const clientMerge: ClientMergeMessages = {
  actions: {
    client_merge: 'Slog ihop två av klientens uppgifter till en',
  },
  fieldMessages: {
    mergeDuplicateMissing: 'Välj de uppgifter som försvinner.',
    mergeSelf: 'Uppgifterna kan inte slås ihop med sig själva.',
    mergeNotInRegion: 'De andra uppgifterna gäller inte en klient i din region.',
    mergeTwoRegions: 'Uppgifterna hör till två regioner och kan inte slås ihop.',
  },
  clientMerge: {
    open: 'Jämför och slå ihop',
    title: 'Jämför och slå ihop: {{name}}',
    intro: 'Slå ihop två klientuppgifter bara när de gäller samma person: jämför dem med vad den som ringer berättar.',
    compareCaption: 'De öppnade uppgifterna och de liknande sida vid sida',
    columns: {
      opened: 'Öppnade uppgifter',
      alike: 'Liknande uppgifter',
    },
    stays: 'blir kvar',
    goes: 'försvinner',
    rows: {
      name: 'Namn',
      birthDate: 'Födelsedatum',
      identityCode: 'Personbeteckning',
      address: 'Adress',
      municipality: 'Kommun',
      phone: 'Telefon',
      email: 'E-post',
      language: 'Språk',
      servedBy: 'Betjänas av',
    },
    differs: 'skiljer sig',
    noneServing: 'ingen ännu',
    keepLegend: 'Vilka uppgifter blir kvar?',
    keepOption: 'Behåll {{name}}',
    hasEmail: 'har en e-postadress: personen kan logga in',
    noEmail: 'ingen e-postadress',
    cannotUndo: 'En sammanslagning kan inte ångras.',
    moves:
      'Allt som registrerats för {{gone}} flyttas till {{kept}}: beställningar och samtycken, finansieringsbeslut, rådgivningskontakter, uppgifter, bedömningar av servicebehovet, remisser, serviceplanen och fullmakter. Uppgifterna {{gone}} kan därefter inte sökas eller öppnas.',
    details: 'Uppgifterna i {{kept}} blir kvar som de är; det som saknas där (födelsedatum, adress, personbeteckning, telefon) tas från {{gone}}.',
    logged: 'Sammanslagningen skrivs in i båda uppgifternas logg med syftet ”{{purpose}}”.',
    confirm: 'Slå ihop {{gone}} med {{kept}}',
    merging: 'Slår ihop…',
    done: 'Uppgifterna {{gone}} är sammanslagna med dessa.',
    mergedInto: 'De här uppgifterna har slagits ihop med andra.',
    openMergedInto: 'Öppna uppgifterna som blev kvar',
    errors: {
      forbidden: 'Bara en koordinator i regionen kan slå ihop klientuppgifter.',
      birthDates: 'Uppgifterna har olika födelsedatum: de gäller två personer och kan inte slås ihop.',
      identityCodes: 'Uppgifterna har olika personbeteckningar: de gäller två personer och kan inte slås ihop.',
      hasAccount:
        'Personen i {{gone}} loggar in med de uppgifterna, så de måste bli kvar. Valet är nu omvänt: kontrollera det och slå ihop igen.',
      mergedAlready: 'De ena uppgifterna har redan slagits ihop. Öppna uppgifterna på nytt för att se vart de gick.',
      conflict: 'Uppgifterna kunde inte slås ihop som de är nu. Öppna uppgifterna på nytt och kontrollera.',
      notFound: 'De ena uppgifterna finns inte längre: de kan redan ha slagits ihop.',
    },
  },
};

export default clientMerge;
