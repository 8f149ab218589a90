import type { billingNoticeMessages } from '../../billingNoticeMessages'
import type { commonMessages } from '../../useFormat'
import type { moneyInputMessages } from '../../useMoneyInputMessage'
import type { widgetErrorMessages } from '../../withErrorBoundary'
import type { CatalogPart } from '../catalogPart'

/** The German strings every widget shares: amounts, money fields, the error state and the billing notice. */
const shared: CatalogPart<
  typeof commonMessages &
    typeof widgetErrorMessages &
    typeof moneyInputMessages &
    typeof billingNoticeMessages
> = {
  'common.credits': '{count, plural, one {Credit} other {Credits}}',
  'billingNotice.title.topUp': 'Aufladungen werden in Leonardo verwaltet',
  'billingNotice.title.autoTopUp': 'Automatisches Aufladen wird in Leonardo verwaltet',
  'billingNotice.title.transactions': 'Transaktionen sind in Leonardo aufgeführt',
  'billingNotice.title.usage': 'Ausgaben im Zeitverlauf werden in Leonardo angezeigt',
  'billingNotice.title.migration': 'Tarifänderungen werden in Leonardo vorgenommen',
  'billingNotice.body':
    'Diese API hat keine Abrechnungsendpunkte: Die Abrechnung wird im Tab „API Access“ der Leonardo-Web-App verwaltet.',
  'billingNotice.link': 'Tab „API Access“ öffnen',
  'moneyInput.empty': 'Betrag eingeben.',
  'moneyInput.negative': 'Der Betrag darf nicht negativ sein.',
  'moneyInput.notANumber': 'Betrag in Ziffern eingeben, z. B. {example}.',
  'moneyInput.digits':
    '„{found}“ wird nicht als Ziffer erkannt. Betrag in Ziffern eingeben, z. B. {example}.',
  'moneyInput.exponent': 'Betrag ausgeschrieben eingeben, z. B. {example}, ohne Exponent.',
  'moneyInput.currency': 'Beträge sind in US-Dollar: „{found}“ weglassen.',
  'moneyInput.multipleDecimals': 'Höchstens ein Dezimaltrennzeichen verwenden, z. B. {example}.',
  'moneyInput.grouping': 'Trennzeichen prüfen: Betrag als {example} oder ganz ohne schreiben.',
  'moneyInput.didYouMean': 'Vielleicht {amount}?',
  'moneyInput.didYouMeanEither': 'Vielleicht {first} oder {second}?',
  'moneyInput.cents': 'Nur ganze Dollar: Cents weglassen.',
  'moneyInput.tooManyDecimals': 'Höchstens {digits} Nachkommastellen verwenden.',
  'widget.error': 'Inhalt kann nicht angezeigt werden: Die Serverantwort war nicht lesbar.',
  'widget.retry': 'Erneut versuchen',
  'widget.errorInline': 'nicht verfügbar',
}

export default shared
