import { matchPaygLocale, type PaygLocale } from '@payg-kit/ui/locales'

/** The overview's own strings, in English. `{name}` is filled in by `useOverviewText`. */
const en = {
  title: 'Overview',
  balance: 'Balance',
  planCredits: 'Plan credits',
  lowBelow: 'Low below {amount}',
  legacyPlan: 'Legacy monthly plan',
  unavailable: 'Unavailable',
  account: 'Account',
  stateOK: 'Active',
  stateLOW: 'Low balance',
  statePAUSED: 'Requests paused',
  addCreditToResume: 'Add credit to resume',
  topUpSoon: 'Top up soon',
  autoTopUp: 'Auto top-up',
  on: 'On',
  off: 'Off',
  adds: 'Adds {amount} below {threshold}',
  offAfterDeclines: 'Turned off after the card declined',
  offHint: 'Top up by hand, or turn it on below',
  paymentMethod: 'Payment method',
  expires: 'Expires {date}',
  noCard: 'No card on file',
  addCard: 'Add a card to top up',
  apiAccess: 'API Access',
  billing: 'Billing',
  intro: 'Your balance, top-ups, spend and prices. Every API request is charged to this balance.',
  introLive: 'Your balance, prices and generations from Leonardo’s API, through this server.',
} as const

/** The overview's strings. */
export type OverviewText = Record<keyof typeof en, string>

/** The overview in each locale the widgets ship a catalog for. */
const catalogs: Record<PaygLocale, OverviewText> = {
  de: {
    title: 'Übersicht',
    balance: 'Guthaben',
    planCredits: 'Tarif-Credits',
    lowBelow: 'Niedrig unter {amount}',
    legacyPlan: 'Bisheriger Monatstarif',
    unavailable: 'Nicht verfügbar',
    account: 'Konto',
    stateOK: 'Aktiv',
    stateLOW: 'Guthaben niedrig',
    statePAUSED: 'Anfragen pausiert',
    addCreditToResume: 'Guthaben aufladen, um fortzufahren',
    topUpSoon: 'Bald aufladen',
    autoTopUp: 'Automatisch aufladen',
    on: 'An',
    off: 'Aus',
    adds: 'Lädt {amount} auf, sobald es unter {threshold} fällt',
    offAfterDeclines: 'Nach abgelehnten Zahlungen ausgeschaltet',
    offHint: 'Von Hand aufladen oder unten einschalten',
    paymentMethod: 'Zahlungsmethode',
    expires: 'Gültig bis {date}',
    noCard: 'Keine Karte hinterlegt',
    addCard: 'Karte hinzufügen, um aufzuladen',
    apiAccess: 'API-Zugang',
    billing: 'Abrechnung',
    intro:
      'Guthaben, Aufladungen, Ausgaben und Preise. Jede API-Anfrage wird von diesem Guthaben abgebucht.',
    introLive: 'Guthaben, Preise und Generierungen aus Leonardos API, über diesen Server.',
  },
  fr: {
    title: 'Vue d’ensemble',
    balance: 'Solde',
    planCredits: 'Crédits de l’abonnement',
    lowBelow: 'Bas sous {amount}',
    legacyPlan: 'Ancien abonnement mensuel',
    unavailable: 'Indisponible',
    account: 'Compte',
    stateOK: 'Actif',
    stateLOW: 'Solde bas',
    statePAUSED: 'Requêtes suspendues',
    addCreditToResume: 'Rechargez pour reprendre',
    topUpSoon: 'Rechargez bientôt',
    autoTopUp: 'Recharge automatique',
    on: 'Activée',
    off: 'Désactivée',
    adds: 'Ajoute {amount} sous {threshold}',
    offAfterDeclines: 'Désactivée après des paiements refusés',
    offHint: 'Rechargez vous-même, ou activez-la ci-dessous',
    paymentMethod: 'Moyen de paiement',
    expires: 'Expire le {date}',
    noCard: 'Aucune carte enregistrée',
    addCard: 'Ajoutez une carte pour recharger',
    apiAccess: 'Accès à l’API',
    billing: 'Facturation',
    intro:
      'Votre solde, vos recharges, vos dépenses et les tarifs. Chaque requête à l’API est débitée de ce solde.',
    introLive: 'Votre solde, les tarifs et les générations de l’API de Leonardo, via ce serveur.',
  },
  es: {
    title: 'Resumen',
    balance: 'Saldo',
    planCredits: 'Créditos del plan',
    lowBelow: 'Bajo por debajo de {amount}',
    legacyPlan: 'Plan mensual anterior',
    unavailable: 'No disponible',
    account: 'Cuenta',
    stateOK: 'Activa',
    stateLOW: 'Saldo bajo',
    statePAUSED: 'Solicitudes en pausa',
    addCreditToResume: 'Recarga saldo para continuar',
    topUpSoon: 'Recarga pronto',
    autoTopUp: 'Recarga automática',
    on: 'Activada',
    off: 'Desactivada',
    adds: 'Recarga {amount} por debajo de {threshold}',
    offAfterDeclines: 'Desactivada tras pagos rechazados',
    offHint: 'Recarga a mano o actívala más abajo',
    paymentMethod: 'Método de pago',
    expires: 'Caduca el {date}',
    noCard: 'No hay ninguna tarjeta guardada',
    addCard: 'Añade una tarjeta para recargar',
    apiAccess: 'Acceso a la API',
    billing: 'Facturación',
    intro: 'Tu saldo, recargas, gasto y precios. Cada solicitud a la API se cobra de este saldo.',
    introLive:
      'Tu saldo, los precios y las generaciones de la API de Leonardo, a través de este servidor.',
  },
  ja: {
    title: '概要',
    balance: '残高',
    planCredits: 'プランのクレジット',
    lowBelow: '{amount} を下回ると残高不足',
    legacyPlan: '従来の月額プラン',
    unavailable: '取得できません',
    account: 'アカウント',
    stateOK: '利用可能',
    stateLOW: '残高不足',
    statePAUSED: 'リクエスト停止中',
    addCreditToResume: 'チャージすると再開します',
    topUpSoon: 'お早めにチャージしてください',
    autoTopUp: '自動チャージ',
    on: 'オン',
    off: 'オフ',
    adds: '{threshold} を下回ると {amount} をチャージ',
    offAfterDeclines: 'カードの決済が拒否されたためオフになりました',
    offHint: '手動でチャージするか、下でオンにしてください',
    paymentMethod: '支払い方法',
    expires: '有効期限 {date}',
    noCard: '登録済みのカードはありません',
    addCard: 'チャージするにはカードを追加してください',
    apiAccess: 'API アクセス',
    billing: '請求',
    intro: '残高、チャージ、利用額、料金。API リクエストはすべてこの残高から支払われます。',
    introLive: 'このサーバーを通じて、Leonardo の API から残高、料金、生成結果を表示します。',
  },
  'pt-BR': {
    title: 'Visão geral',
    balance: 'Saldo',
    planCredits: 'Créditos do plano',
    lowBelow: 'Baixo abaixo de {amount}',
    legacyPlan: 'Plano mensal antigo',
    unavailable: 'Indisponível',
    account: 'Conta',
    stateOK: 'Ativa',
    stateLOW: 'Saldo baixo',
    statePAUSED: 'Solicitações pausadas',
    addCreditToResume: 'Adicione saldo para retomar',
    topUpSoon: 'Recarregue em breve',
    autoTopUp: 'Recarga automática',
    on: 'Ativada',
    off: 'Desativada',
    adds: 'Adiciona {amount} abaixo de {threshold}',
    offAfterDeclines: 'Desativada após pagamentos recusados',
    offHint: 'Recarregue manualmente ou ative abaixo',
    paymentMethod: 'Forma de pagamento',
    expires: 'Vence em {date}',
    noCard: 'Nenhum cartão salvo',
    addCard: 'Adicione um cartão para recarregar',
    apiAccess: 'Acesso à API',
    billing: 'Faturamento',
    intro: 'Seu saldo, recargas, gastos e preços. Cada requisição à API é cobrada deste saldo.',
    introLive: 'Seu saldo, preços e gerações da API da Leonardo, por meio deste servidor.',
  },
}

/**
 * A reader of the page's own strings: the catalog of `locale` as the widgets match it (`de-AT`
 * reads German), else English.
 */
export function pageText<Text>(
  english: Text,
  translated: Record<PaygLocale, Text>,
): (locale: string | undefined) => Text {
  return (locale) => {
    const match = locale ? matchPaygLocale(locale) : undefined
    return match ? translated[match] : english
  }
}

/** The overview's strings for `locale`, else English. */
export const overviewText: (locale: string | undefined) => OverviewText = pageText(en, catalogs)

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}
