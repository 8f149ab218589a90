import type { PaygLocale } from '@payg-kit/ui/locales'
import { matchPaygLocale } from '@payg-kit/ui/locales'
import { fill, pageText } from './overviewMessages'

/** "Try a generation"'s own strings, in English. `{name}` is filled in with `fill`. */
const en = {
  title: 'Try a generation',
  prompt: 'Prompt',
  defaultPrompt: 'A lighthouse on a cliff at dawn, oil painting',
  enterPrompt: 'Enter a prompt.',
  model: 'Model',
  images: 'Images (1024 × 1024)',
  live: 'This runs a real job, charged to the key’s account.',
  refused: 'Refused for lack of balance, and nothing was charged. Add credit, then try again.',
  failed: 'The generation did not start: {message}',
  generate: 'Generate',
  generating: 'Generating…',
  started: 'Generation started: {prompt}',
  list: 'Your generations',
  statusUnavailable: 'Status unavailable',
  checking: 'Checking status…',
  notFound: 'Not found',
  completeOne: 'Complete, {count} image',
  completeOther: 'Complete, {count} images',
  jobFailed: 'Failed',
  running: 'Running…',
} as const

/** The panel's strings. */
export type GenerationText = Record<keyof typeof en, string>

/** The panel in each locale the widgets ship a catalog for. */
const catalogs: Record<PaygLocale, GenerationText> = {
  de: {
    title: 'Generierung ausprobieren',
    prompt: 'Prompt',
    defaultPrompt: 'Ein Leuchtturm auf einer Klippe im Morgengrauen, Ölgemälde',
    enterPrompt: 'Prompt eingeben.',
    model: 'Modell',
    images: 'Bilder (1024 × 1024)',
    live: 'Das startet einen echten Auftrag, abgerechnet über das Konto des Schlüssels.',
    refused:
      'Abgelehnt, weil das Guthaben nicht reicht; es wurde nichts abgebucht. Guthaben aufladen und erneut versuchen.',
    failed: 'Die Generierung wurde nicht gestartet: {message}',
    generate: 'Generieren',
    generating: 'Wird generiert…',
    started: 'Generierung gestartet: {prompt}',
    list: 'Deine Generierungen',
    statusUnavailable: 'Status nicht verfügbar',
    checking: 'Status wird geprüft…',
    notFound: 'Nicht gefunden',
    completeOne: 'Fertig, {count} Bild',
    completeOther: 'Fertig, {count} Bilder',
    jobFailed: 'Fehlgeschlagen',
    running: 'Läuft…',
  },
  fr: {
    title: 'Essayer une génération',
    prompt: 'Prompt',
    defaultPrompt: 'Un phare sur une falaise à l’aube, peinture à l’huile',
    enterPrompt: 'Saisissez un prompt.',
    model: 'Modèle',
    images: 'Images (1024 × 1024)',
    live: 'Ceci lance une vraie tâche, facturée au compte de la clé.',
    refused: 'Refusée faute de solde, et rien n’a été débité. Ajoutez du crédit, puis réessayez.',
    failed: 'La génération n’a pas démarré : {message}',
    generate: 'Générer',
    generating: 'Génération en cours…',
    started: 'Génération lancée : {prompt}',
    list: 'Vos générations',
    statusUnavailable: 'Statut indisponible',
    checking: 'Vérification du statut…',
    notFound: 'Introuvable',
    completeOne: 'Terminée, {count} image',
    completeOther: 'Terminée, {count} images',
    jobFailed: 'Échec',
    running: 'En cours…',
  },
  es: {
    title: 'Prueba una generación',
    prompt: 'Prompt',
    defaultPrompt: 'Un faro sobre un acantilado al amanecer, pintura al óleo',
    enterPrompt: 'Escribe un prompt.',
    model: 'Modelo',
    images: 'Imágenes (1024 × 1024)',
    live: 'Esto ejecuta un trabajo real, cobrado a la cuenta de la clave.',
    refused: 'Rechazada por falta de saldo; no se cobró nada. Añade crédito y vuelve a intentarlo.',
    failed: 'La generación no se inició: {message}',
    generate: 'Generar',
    generating: 'Generando…',
    started: 'Generación iniciada: {prompt}',
    list: 'Tus generaciones',
    statusUnavailable: 'Estado no disponible',
    checking: 'Comprobando el estado…',
    notFound: 'No encontrada',
    completeOne: 'Completada, {count} imagen',
    completeOther: 'Completada, {count} imágenes',
    jobFailed: 'Fallida',
    running: 'En curso…',
  },
  ja: {
    title: '生成を試す',
    prompt: 'プロンプト',
    defaultPrompt: '夜明けの崖に立つ灯台、油絵',
    enterPrompt: 'プロンプトを入力してください。',
    model: 'モデル',
    images: '画像（1024 × 1024）',
    live: '実際のジョブを実行し、キーのアカウントに請求されます。',
    refused:
      '残高不足のため実行できませんでした。請求はありません。チャージしてからもう一度お試しください。',
    failed: '生成を開始できませんでした: {message}',
    generate: '生成',
    generating: '生成中…',
    started: '生成を開始しました: {prompt}',
    list: '生成履歴',
    statusUnavailable: 'ステータスを取得できません',
    checking: 'ステータスを確認中…',
    notFound: '見つかりません',
    completeOne: '完了、画像 {count} 枚',
    completeOther: '完了、画像 {count} 枚',
    jobFailed: '失敗',
    running: '実行中…',
  },
  'pt-BR': {
    title: 'Experimente uma geração',
    prompt: 'Prompt',
    defaultPrompt: 'Um farol sobre um penhasco ao amanhecer, pintura a óleo',
    enterPrompt: 'Digite um prompt.',
    model: 'Modelo',
    images: 'Imagens (1024 × 1024)',
    live: 'Isto executa um job real, cobrado na conta da chave.',
    refused: 'Recusada por falta de saldo, e nada foi cobrado. Adicione crédito e tente de novo.',
    failed: 'A geração não começou: {message}',
    generate: 'Gerar',
    generating: 'Gerando…',
    started: 'Geração iniciada: {prompt}',
    list: 'Suas gerações',
    statusUnavailable: 'Status indisponível',
    checking: 'Verificando o status…',
    notFound: 'Não encontrada',
    completeOne: 'Concluída, {count} imagem',
    completeOther: 'Concluída, {count} imagens',
    jobFailed: 'Falhou',
    running: 'Em andamento…',
  },
}

/** The panel's strings for `locale`, else English. */
export const generationText: (locale: string | undefined) => GenerationText = pageText(en, catalogs)

/** "Complete, 1 image" or "Complete, 4 images", by the plural rules of the strings' language. */
export function completeText(text: GenerationText, locale: string | undefined, count: number) {
  const language = (locale && matchPaygLocale(locale)) || 'en'
  const one = new Intl.PluralRules(language).select(count) === 'one'
  return fill(one ? text.completeOne : text.completeOther, { count: String(count) })
}
