// Sammenlægning af to klientsager i rådgivningen på dansk; nøglerne er de engelske (clientMerge/en.ts).
import type { ClientMergeMessages } from './en';

const clientMerge: ClientMergeMessages = {
  actions: {
    client_merge: 'Lagde to af klientens sager sammen til én',
  },
  fieldMessages: {
    mergeDuplicateMissing: 'Vælg den sag, der forsvinder.',
    mergeSelf: 'En sag kan ikke lægges sammen med sig selv.',
    mergeNotInRegion: 'Den anden sag hører ikke til en klient i din region.',
    mergeTwoRegions: 'Sagerne hører til to regioner og kan ikke lægges sammen.',
  },
  clientMerge: {
    open: 'Sammenlign og læg sammen',
    title: 'Sammenlign og læg sammen: {{name}}',
    intro: 'Læg kun to sager sammen, når de gælder samme person: sammenlign dem med det, den der ringer, fortæller.',
    compareCaption: 'Den åbne sag og den lignende side om side',
    columns: {
      opened: 'Åben sag',
      alike: 'Lignende sag',
    },
    stays: 'bliver',
    goes: 'forsvinder',
    rows: {
      name: 'Navn',
      birthDate: 'Fødselsdato',
      identityCode: 'Personnummer',
      address: 'Adresse',
      municipality: 'Kommune',
      phone: 'Telefon',
      email: 'E-mail',
      language: 'Sprog',
      servedBy: 'Betjenes af',
    },
    differs: 'afviger',
    noneServing: 'ingen endnu',
    keepLegend: 'Hvilken sag bliver?',
    keepOption: 'Behold {{name}}',
    hasEmail: 'har en e-mailadresse: personen logger måske ind',
    noEmail: 'ingen e-mailadresse',
    cannotUndo: 'En sammenlægning kan ikke fortrydes.',
    moves:
      'Alt, der er registreret for {{gone}}, flyttes til {{kept}}: bestillinger og samtykker, bevillinger, rådgivningskontakter, opgaver, behovsvurderinger, henvisninger, handleplanen og fuldmagter. Sagen {{gone}} kan derefter ikke findes eller åbnes.',
    details: 'Oplysningerne i {{kept}} bliver, som de er; det, der mangler (fødselsdato, adresse, personnummer, telefon), hentes fra {{gone}}.',
    logged: 'Sammenlægningen skrives i begge sagers adgangslog med formålet “{{purpose}}”.',
    confirm: 'Læg {{gone}} sammen med {{kept}}',
    merging: 'Lægger sammen…',
    done: 'Sagen {{gone}} er lagt sammen med denne.',
    mergedInto: 'Denne sag er lagt sammen med en anden.',
    openMergedInto: 'Åbn den sag, der blev',
    errors: {
      forbidden: 'Kun en koordinator i regionen kan lægge sager sammen.',
      birthDates: 'Sagerne har forskellige fødselsdatoer: de gælder to personer og kan ikke lægges sammen.',
      identityCodes: 'Sagerne har forskellige personnumre: de gælder to personer og kan ikke lægges sammen.',
      hasAccount:
        'Personen i {{gone}} logger ind med den sag, så den skal blive. Valget er nu vendt om: kontrollér det, og læg sammen igen.',
      mergedAlready: 'Den ene sag er allerede lagt sammen. Åbn sagen igen for at se, hvor den gik hen.',
      conflict: 'Sagerne kunne ikke lægges sammen, som de er nu. Åbn sagen igen, og kontrollér.',
      notFound: 'Den ene sag findes ikke længere: den er måske allerede lagt sammen.',
    },
  },
};

export default clientMerge;
