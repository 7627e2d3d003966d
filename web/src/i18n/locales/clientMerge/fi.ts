// Kahden asiakastiedon yhdistäminen neuvonnassa suomeksi; avaimet ovat englannin (clientMerge/en.ts).
import type { ClientMergeMessages } from './en';

const clientMerge: ClientMergeMessages = {
  actions: {
    client_merge: 'Yhdisti asiakkaan kaksi asiakastietoa yhdeksi',
  },
  fieldMessages: {
    mergeDuplicateMissing: 'Valitse asiakastieto, joka poistuu.',
    mergeSelf: 'Asiakastietoa ei voi yhdistää itseensä.',
    mergeNotInRegion: 'Toinen asiakastieto ei ole alueesi asiakkaan.',
    mergeTwoRegions: 'Asiakastiedot kuuluvat kahdelle alueelle, eikä niitä voi yhdistää.',
  },
  clientMerge: {
    open: 'Vertaa ja yhdistä',
    title: 'Vertaa ja yhdistä: {{name}}',
    intro: 'Yhdistä kaksi asiakastietoa vain, kun ne ovat sama henkilö: vertaa niitä soittajan kertomaan.',
    compareCaption: 'Avattu asiakastieto ja samankaltainen rinnakkain',
    columns: {
      opened: 'Avattu asiakastieto',
      alike: 'Toinen asiakastieto',
    },
    stays: 'jää',
    goes: 'poistuu',
    rows: {
      name: 'Nimi',
      birthDate: 'Syntymäaika',
      identityCode: 'Henkilötunnus',
      address: 'Osoite',
      municipality: 'Kunta',
      phone: 'Puhelin',
      email: 'Sähköposti',
      language: 'Kieli',
      servedBy: 'Palvelee',
    },
    differs: 'eroaa',
    noneServing: 'ei vielä kukaan',
    keepLegend: 'Kumpi asiakastieto jää?',
    keepOption: 'Säilytä {{name}}',
    hasEmail: 'sähköpostiosoite on: henkilö voi kirjautua',
    noEmail: 'ei sähköpostiosoitetta',
    cannotUndo: 'Yhdistämistä ei voi perua.',
    moves:
      'Kaikki asiakastietoon {{gone}} kirjattu siirtyy asiakastietoon {{kept}}: tilaukset ja suostumukset, rahoituspäätökset, neuvontakontaktit, tehtävät, palvelutarpeen arvioinnit, ohjaukset, palvelusuunnitelma ja valtuutukset. Asiakastietoa {{gone}} ei sen jälkeen voi hakea eikä avata.',
    details: 'Asiakastiedon {{kept}} omat tiedot säilyvät; mitä siitä puuttuu (syntymäaika, osoite, henkilötunnus, puhelin), otetaan asiakastiedosta {{gone}}.',
    logged: 'Yhdistäminen kirjataan kummankin asiakastiedon lokiin käyttötarkoituksella ”{{purpose}}”.',
    confirm: 'Yhdistä asiakastieto {{gone}} asiakastietoon {{kept}}',
    merging: 'Yhdistetään…',
    done: 'Asiakastieto {{gone}} on yhdistetty tähän asiakastietoon.',
    mergedInto: 'Tämä asiakastieto on yhdistetty toiseen.',
    openMergedInto: 'Avaa asiakastieto, joka jäi',
    errors: {
      forbidden: 'Vain alueen koordinaattori voi yhdistää asiakastietoja.',
      birthDates: 'Asiakastiedoissa on eri syntymäajat: ne ovat kaksi eri henkilöä, eikä niitä voi yhdistää.',
      identityCodes: 'Asiakastiedoissa on eri henkilötunnukset: ne ovat kaksi eri henkilöä, eikä niitä voi yhdistää.',
      hasAccount:
        'Asiakastiedon {{gone}} henkilö kirjautuu sillä, joten sen on jäätävä. Valinta on nyt käännetty toisin päin: tarkista se ja yhdistä uudelleen.',
      mergedAlready: 'Toinen asiakastiedoista on jo yhdistetty. Avaa asiakastieto uudelleen nähdäksesi, mihin se siirtyi.',
      conflict: 'Asiakastietoja ei voitu yhdistää nykyisellään. Avaa asiakastieto uudelleen ja tarkista.',
      notFound: 'Toista asiakastietoa ei enää ole: se on ehkä jo yhdistetty.',
    },
  },
};

export default clientMerge;
