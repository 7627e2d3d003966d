// Mina betalningar på svenska; nycklarna är de engelska (payments/en.ts).
import type { PaymentsMessages } from './en';

const payments: PaymentsMessages = {
  nav: {
    myPayments: 'Mina betalningar',
  },
  home: {
    cards: {
      myPayments: 'Vad du själv betalar för de besök som fakturerats, månad för månad, och vad hushållsavdraget kan ge tillbaka.',
    },
  },
  payments: {
    title: 'Mina betalningar',
    titleFor: 'Betalningar: {{name}}',
    intro:
      'Din egen andel av varje fakturerat besök, månad för månad: hur mycket och till vem. Det som välfärdsområdet eller en annan beställare betalar behöver du inte betala, och det visas inte här.',
    introFor:
      'Den egna andelen för {{name}} av varje fakturerat besök, månad för månad: hur mycket och till vem. Det som välfärdsområdet eller en annan beställare betalar visas inte här.',
    whose: 'Vems betalningar',
    empty: 'Ingenting har fakturerats ännu. Din egen andel av ett besök syns här när månaden har fakturerats.',
    emptyFor: 'Ingenting har fakturerats för {{name}} ännu. Den egna andelen av ett besök syns här när månaden har fakturerats.',
    month: {
      caption: 'Fakturerat: {{month}}',
      visits_one: '{{count}} besök',
      visits_other: '{{count}} besök',
      total: 'Totalt',
      toPayee: 'Till {{name}}',
      taxCredit: 'Uppskattat hushållsavdrag',
    },
    share: {
      provider: 'Tjänsteproducent',
      charged: 'Debiterat för',
      chargeWithTime: '{{charge}}, {{time}}',
      paidTo: 'Betalas till',
      clientFee: '{{name}} (klientavgift)',
      amount: 'Egen andel',
    },
    charges: {
      delivery: 'Besök',
      no_show: 'Inte hemma vid överenskommen tid',
      late_cancellation: 'Avbokat för sent',
    },
    taxCredit: {
      estimate: 'Uppskattat hushållsavdrag: {{amount}} ({{percent}} % av arbetet, {{labour}}).',
      publicSupport: 'Inget hushållsavdrag: arbete som delvis betalas med offentligt stöd, till exempel en servicesedel, ger inget avdrag.',
      note: 'Hushållsavdraget är en uppskattning. Den årliga självrisken och det högsta beloppet räknas för hela året, så kontrollera det slutliga beloppet i ditt beskattningsbeslut.',
    },
  },
};

export default payments;
