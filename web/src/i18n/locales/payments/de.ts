// „Meine Zahlungen“ auf Deutsch; die Schlüssel sind die englischen (payments/en.ts).
import type { PaymentsMessages } from './en';

const payments: PaymentsMessages = {
  nav: {
    myPayments: 'Meine Zahlungen',
  },
  home: {
    cards: {
      myPayments: 'Was Sie für die abgerechneten Besuche selbst zahlen, Monat für Monat, und was die Steuerermäßigung für Haushaltsdienste zurückgeben kann.',
    },
  },
  payments: {
    title: 'Meine Zahlungen',
    titleFor: 'Zahlungen: {{name}}',
    intro:
      'Ihr Eigenanteil an jedem abgerechneten Besuch, Monat für Monat: wie viel und an wen. Was ein Kostenträger wie die Pflegekasse oder die Kommune zahlt, zahlen Sie nicht selbst; es wird hier nicht gezeigt.',
    introFor:
      'Der Eigenanteil von {{name}} an jedem abgerechneten Besuch, Monat für Monat: wie viel und an wen. Was ein Kostenträger zahlt, wird hier nicht gezeigt.',
    whose: 'Wessen Zahlungen',
    empty: 'Noch nichts abgerechnet. Ihr Eigenanteil an einem Besuch erscheint hier, sobald der Monat abgerechnet ist.',
    emptyFor: 'Für {{name}} ist noch nichts abgerechnet. Der Eigenanteil an einem Besuch erscheint hier, sobald der Monat abgerechnet ist.',
    month: {
      caption: 'Abgerechnet: {{month}}',
      visits_one: '{{count}} Besuch',
      visits_other: '{{count}} Besuche',
      total: 'Summe',
      toPayee: 'An {{name}}',
      taxCredit: 'Geschätzte Steuerermäßigung',
    },
    share: {
      provider: 'Anbieter',
      charged: 'Berechnet für',
      chargeWithTime: '{{charge}}, {{time}}',
      paidTo: 'Zu zahlen an',
      clientFee: '{{name}} (Kostenbeitrag)',
      amount: 'Eigenanteil',
    },
    charges: {
      delivery: 'Besuch',
      no_show: 'Zur vereinbarten Zeit nicht zu Hause',
      late_cancellation: 'Zu spät abgesagt',
    },
    taxCredit: {
      estimate: 'Geschätzte Steuerermäßigung für Haushaltsdienste: {{amount}} ({{percent}} % der Arbeitskosten, {{labour}}).',
      publicSupport: 'Keine Steuerermäßigung: Arbeit, die zum Teil mit öffentlicher Förderung bezahlt wird, etwa mit einem Gutschein, ist nicht begünstigt.',
      note: 'Die Steuerermäßigung ist eine Schätzung. Höchstbeträge gelten für das ganze Jahr; den endgültigen Betrag nennt Ihr Steuerbescheid.',
    },
  },
};

export default payments;
