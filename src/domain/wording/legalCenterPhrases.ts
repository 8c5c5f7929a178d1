import { languageName } from '../locale/languageName'
import { pluralRules } from '../locale/intlFormats'

type ChangeClass = 'editorial' | 'informational' | 'material'

/**
 * Everything the Legal Center's pages say besides what staff wrote (titles, summaries, texts), in
 * one language. Functions, not templates: what they return is plain text that reaches the pages
 * escaped. A date reaches them as a placeholder the page replaces with its `<time>` element (see
 * pageRenderer's `say`), so a phrase puts the date where its language wants it.
 */
export interface LegalCenterPhrases {
  /** The locale dates are written in. */
  format: string
  /** A language's name as it reads inside a sentence ("in German", "en allemand"). */
  languageName: (locale: string) => string
  skipToContent: string
  changesFeed: string
  languageNav: string
  footer: string
  legalDocuments: string
  feedTitle: string
  policyFeedTitle: (title: string) => string
  version: (version: string) => string
  versionOf: (title: string, version: string) => string
  versionEffective: (version: string, date: string) => string
  versionWasToTakeEffect: (version: string, date: string) => string
  notYetInForce: string
  updatedVersionTakesEffect: (version: string, date: string) => string
  neverTakesEffect: (version: string) => string
  noDocuments: string
  /** "This version is not available in German…": `wanted` and `shown` are language names. */
  notAvailable: (wanted: string, shown: string) => string
  comparedNotAvailable: (wanted: string, shown: string) => string
  comparedInLanguage: (shown: string) => string
  addedLater: (added: string, published: string) => string
  updateTakesEffect: (date: string) => string
  /** "It replaces " + link "version 1" + ", announced for …". */
  replacesLead: string
  replacesLink: (version: string) => string
  replacesRest: (version: string, date: string) => string
  readVersion: (version: string) => string
  seeWhatChanges: string
  whatChangedInVersion: string
  allVersions: string
  allVersionsOf: (title: string) => string
  permanentLink: string
  noVersionInForce: string
  status: { inForce: string; upcoming: (date: string) => string; superseded: string; supersededBeforeEffect: (by: string) => string }
  readVersionAfterStatus: (version: string) => string
  published: string
  change: string
  whatChanged: string
  contentHash: string
  compareWith: (version: string) => string
  nextVersion: (version: string) => string
  versionInForce: string
  feedOfChanges: string
  compareTwo: string
  from: string
  to: string
  versionOption: (version: string, date: string) => string
  compare: string
  versionsCaption: string
  versionColumn: string
  effective: string
  summary: string
  badgeInForce: string
  badgeUpcoming: string
  badgeSuperseded: (by: string) => string
  neverInForce: string
  withVersion: (version: string) => string
  changeClass: Record<ChangeClass, string>
  compareTitle: (title: string, from: string, to: string) => string
  /** The compare page's `<title>`, shorter than its heading. */
  compareHeadTitle: (title: string, from: string, to: string) => string
  compareMeta: (from: string, fromDate: string, to: string, toDate: string) => string
  summaryOfVersion: (version: string) => string
  changes: (count: number) => string
  inserted: string
  deleted: string
  legendJoin: (inserted: string, deleted: string) => string
  firstChange: string
  sectionsThatChanged: string
  /** Heads the list of sections that changed. */
  sectionsLead: string
  sectionChanges: (count: number) => string
  coarse: string
  view: string
  inline: string
  sideBySide: string
  tooNarrow: string
}

const NBSP = '\u00a0'

const en: LegalCenterPhrases = {
  // Assent's house English writes the day first.
  format: 'en-GB',
  languageName: (locale) => languageName(locale, 'en'),
  skipToContent: 'Skip to content',
  changesFeed: 'Changes feed',
  languageNav: 'Language',
  footer: 'Every published version is frozen and fingerprinted (SHA-256); earlier versions stay available here.',
  legalDocuments: 'Legal documents',
  feedTitle: 'Changes to our legal documents',
  policyFeedTitle: (title) => `Changes to the ${title}`,
  version: (v) => `Version ${v}`,
  versionOf: (title, v) => `${title}, version ${v}`,
  versionEffective: (v, date) => `Version ${v} · Effective ${date}`,
  versionWasToTakeEffect: (v, date) => `Version ${v} · Was to take effect ${date}; never in force`,
  notYetInForce: 'Not yet in force',
  updatedVersionTakesEffect: (v, date) => `Updated version ${v} takes effect on ${date}`,
  neverTakesEffect: (v) => ` (version ${v} never takes effect)`,
  noDocuments: 'No documents have been published yet.',
  notAvailable: (wanted, shown) => `This version is not available in ${wanted}. It is shown in ${shown}, the language it was published in.`,
  comparedNotAvailable: (wanted, shown) => `These versions are not both available in ${wanted}: their texts in ${shown}, the language they were published in, are compared.`,
  comparedInLanguage: (shown) => `Their texts in ${shown}, the language they were published in, are compared.`,
  addedLater: (added, published) => `This translation was added on ${added}, after the version was published on ${published}.`,
  updateTakesEffect: (date) => `An updated version takes effect on ${date}.`,
  replacesLead: 'It replaces ',
  replacesLink: (v) => `version ${v}`,
  replacesRest: (v, date) => `, announced for ${date}: version ${v} is superseded before it took effect and will never be in force.`,
  readVersion: (v) => `Read version ${v}`,
  seeWhatChanges: 'See what changes',
  whatChangedInVersion: 'What changed in this version:',
  allVersions: 'All versions',
  allVersionsOf: (title) => `${title}: all versions`,
  permanentLink: 'Permanent link to this version',
  noVersionInForce: 'No version of this document is in force yet.',
  status: {
    inForce: 'This is the version in force.',
    upcoming: (date) => `This version has been published and takes effect on ${date}.`,
    superseded: 'This version has been replaced by a later one.',
    supersededBeforeEffect: (by) => `Superseded before it took effect: version ${by} replaced it before its effective date, so this version was never in force.`,
  },
  readVersionAfterStatus: (v) => `Read version ${v}`,
  published: 'Published',
  change: 'Change',
  whatChanged: 'What changed',
  contentHash: 'Content hash (SHA-256)',
  compareWith: (v) => `Compare with version ${v}`,
  nextVersion: (v) => `Next version (${v})`,
  versionInForce: 'Version in force',
  feedOfChanges: 'Feed of changes',
  compareTwo: 'Compare two versions',
  from: 'From',
  to: 'To',
  versionOption: (v, date) => `Version ${v} (${date})`,
  compare: 'Compare',
  versionsCaption: 'Published versions, newest first',
  versionColumn: 'Version',
  effective: 'Effective',
  summary: 'Summary',
  badgeInForce: 'in force',
  badgeUpcoming: 'upcoming',
  badgeSuperseded: (by) => `superseded before it took effect, by version ${by}`,
  neverInForce: ' never in force',
  withVersion: (v) => `with ${v}`,
  changeClass: { editorial: 'Editorial (wording only)', informational: 'Informational', material: 'Material (changes your rights)' },
  compareTitle: (title, from, to) => `${title}: version ${from} → version ${to}`,
  compareHeadTitle: (title, from, to) => `${title}: version ${from} → ${to}`,
  compareMeta: (from, fromDate, to, toDate) => `Version ${from} effective ${fromDate} · Version ${to} effective ${toDate}`,
  summaryOfVersion: (v) => `Summary of version ${v}:`,
  changes: (count) => `${count} ${count === 1 ? 'change' : 'changes'}.`,
  inserted: 'Inserted text is underlined',
  deleted: 'deleted text is struck through',
  legendJoin: (inserted, deleted) => `${inserted}, ${deleted}.`,
  firstChange: 'Go to the first change',
  sectionsThatChanged: 'Sections that changed',
  sectionsLead: 'Sections that changed:',
  sectionChanges: (count) => `(${count} ${count === 1 ? 'change' : 'changes'})`,
  coarse: 'These versions differ too much to compare word by word in reasonable time: the paragraphs, lists and tables between their common beginning and end are shown removed and added whole.',
  view: 'View:',
  inline: 'inline',
  sideBySide: 'side by side',
  tooNarrow: 'This screen is too narrow for two columns side by side, so the changes are shown inline.',
}

// French counts 0 and 1 in the singular.
const frChanges = (count: number) => `${count}${NBSP}${count < 2 ? 'modification' : 'modifications'}`

const fr: LegalCenterPhrases = {
  format: 'fr',
  // French writes language names in lower case.
  languageName: (locale) => languageName(locale, 'fr').toLocaleLowerCase('fr'),
  skipToContent: 'Aller au contenu',
  changesFeed: 'Flux des modifications',
  languageNav: 'Langue',
  footer: 'Chaque version publiée est figée et dotée d’une empreinte (SHA-256)\u00a0; les versions antérieures restent consultables ici.',
  legalDocuments: 'Documents juridiques',
  feedTitle: 'Modifications de nos documents juridiques',
  policyFeedTitle: (title) => `Modifications du document «${NBSP}${title}${NBSP}»`,
  version: (v) => `Version ${v}`,
  versionOf: (title, v) => `${title}, version ${v}`,
  versionEffective: (v, date) => `Version ${v} · En vigueur depuis le ${date}`,
  versionWasToTakeEffect: (v, date) => `Version ${v} · Devait entrer en vigueur le ${date}${NBSP}; jamais en vigueur`,
  notYetInForce: 'Pas encore en vigueur',
  updatedVersionTakesEffect: (v, date) => `La version mise à jour ${v} entre en vigueur le ${date}`,
  neverTakesEffect: (v) => ` (la version ${v} n’entrera jamais en vigueur)`,
  noDocuments: 'Aucun document n’a encore été publié.',
  notAvailable: (wanted, shown) => `Cette version n’est pas disponible en ${wanted}. Elle est affichée en ${shown}, la langue dans laquelle elle a été publiée.`,
  comparedNotAvailable: (wanted, shown) => `Ces versions ne sont pas toutes deux disponibles en ${wanted}${NBSP}: leurs textes en ${shown}, la langue dans laquelle elles ont été publiées, sont comparés.`,
  comparedInLanguage: (shown) => `Leurs textes en ${shown}, la langue dans laquelle elles ont été publiées, sont comparés.`,
  addedLater: (added, published) => `Cette traduction a été ajoutée le ${added}, après la publication de la version le ${published}.`,
  updateTakesEffect: (date) => `Une version mise à jour entre en vigueur le ${date}.`,
  replacesLead: 'Elle remplace la ',
  replacesLink: (v) => `version ${v}`,
  replacesRest: (v, date) => `, annoncée pour le ${date}${NBSP}: la version ${v} est remplacée avant son entrée en vigueur et ne sera jamais en vigueur.`,
  readVersion: (v) => `Lire la version ${v}`,
  seeWhatChanges: 'Voir ce qui change',
  whatChangedInVersion: `Ce qui a changé dans cette version${NBSP}:`,
  allVersions: 'Toutes les versions',
  allVersionsOf: (title) => `${title}${NBSP}: toutes les versions`,
  permanentLink: 'Lien permanent vers cette version',
  noVersionInForce: 'Aucune version de ce document n’est encore en vigueur.',
  status: {
    inForce: 'Cette version est celle en vigueur.',
    upcoming: (date) => `Cette version a été publiée et entre en vigueur le ${date}.`,
    superseded: 'Cette version a été remplacée par une version ultérieure.',
    supersededBeforeEffect: (by) => `Remplacée avant son entrée en vigueur${NBSP}: la version ${by} l’a remplacée avant sa date d’effet, cette version n’a donc jamais été en vigueur.`,
  },
  readVersionAfterStatus: (v) => `Lire la version ${v}`,
  published: 'Publiée le',
  change: 'Modification',
  whatChanged: 'Ce qui a changé',
  contentHash: 'Empreinte du contenu (SHA-256)',
  compareWith: (v) => `Comparer avec la version ${v}`,
  nextVersion: (v) => `Version suivante (${v})`,
  versionInForce: 'Version en vigueur',
  feedOfChanges: 'Flux des modifications',
  compareTwo: 'Comparer deux versions',
  from: 'De',
  to: 'À',
  versionOption: (v, date) => `Version ${v} (${date})`,
  compare: 'Comparer',
  versionsCaption: 'Versions publiées, de la plus récente à la plus ancienne',
  versionColumn: 'Version',
  effective: 'En vigueur le',
  summary: 'Résumé',
  badgeInForce: 'en vigueur',
  badgeUpcoming: 'à venir',
  badgeSuperseded: (by) => `remplacée avant son entrée en vigueur, par la version ${by}`,
  neverInForce: ' jamais en vigueur',
  withVersion: (v) => `avec la version ${v}`,
  changeClass: { editorial: 'Rédactionnelle (formulation uniquement)', informational: 'Informative', material: 'Substantielle (modifie vos droits)' },
  compareTitle: (title, from, to) => `${title}${NBSP}: version ${from} → version ${to}`,
  compareHeadTitle: (title, from, to) => `${title}${NBSP}: version ${from} → ${to}`,
  compareMeta: (from, fromDate, to, toDate) => `Version ${from} en vigueur le ${fromDate} · Version ${to} en vigueur le ${toDate}`,
  summaryOfVersion: (v) => `Résumé de la version ${v}${NBSP}:`,
  changes: (count) => `${frChanges(count)}.`,
  inserted: 'Le texte ajouté est souligné',
  deleted: 'le texte supprimé est barré',
  legendJoin: (inserted, deleted) => `${inserted}, ${deleted}.`,
  firstChange: 'Aller à la première modification',
  sectionsThatChanged: 'Sections modifiées',
  sectionsLead: `Sections modifiées${NBSP}:`,
  sectionChanges: (count) => `(${frChanges(count)})`,
  coarse: 'Ces versions diffèrent trop pour être comparées mot à mot en un temps raisonnable\u00a0: les paragraphes, listes et tableaux entre leur début et leur fin communs sont présentés comme supprimés et ajoutés en entier.',
  view: `Affichage${NBSP}:`,
  inline: 'intégré',
  sideBySide: 'côte à côte',
  tooNarrow: `Cet écran est trop étroit pour afficher deux colonnes côte à côte${NBSP}; les modifications sont donc affichées dans le texte.`,
}

/** Arabic counts in four forms: one and two by the noun alone (singular, dual), 3–10 a plural,
 * 11–99 a singular accusative, 0 and 100 and more a singular. */
const arChanges = (count: number): string => {
  switch (pluralRules('ar').select(count)) {
    case 'one':
      return 'تغيير واحد'
    case 'two':
      return 'تغييران'
    case 'few':
      return `${count} تغييرات`
    case 'many':
      return `${count} تغييرًا`
    default:
      return `${count} تغيير`
  }
}

const ar: LegalCenterPhrases = {
  format: 'ar',
  languageName: (locale) => languageName(locale, 'ar'),
  skipToContent: 'انتقل إلى المحتوى',
  changesFeed: 'موجز التغييرات',
  languageNav: 'اللغة',
  footer: 'كل إصدار منشور مُجمَّد وله بصمة (SHA-256)؛ وتبقى الإصدارات السابقة متاحة هنا.',
  legalDocuments: 'المستندات القانونية',
  feedTitle: 'التغييرات على مستنداتنا القانونية',
  policyFeedTitle: (title) => `التغييرات على «${title}»`,
  version: (v) => `الإصدار ${v}`,
  versionOf: (title, v) => `${title}، الإصدار ${v}`,
  versionEffective: (v, date) => `الإصدار ${v} · ساري المفعول منذ ${date}`,
  versionWasToTakeEffect: (v, date) => `الإصدار ${v} · كان من المقرر أن يسري في ${date}؛ لم يسرِ قط`,
  notYetInForce: 'لم يسرِ بعد',
  updatedVersionTakesEffect: (v, date) => `يسري الإصدار المحدَّث ${v} اعتبارًا من ${date}`,
  neverTakesEffect: (v) => ` (لن يسري الإصدار ${v} أبدًا)`,
  noDocuments: 'لم يُنشر أي مستند بعد.',
  notAvailable: (wanted, shown) => `هذا الإصدار غير متوفر باللغة ${wanted}. وهو معروض باللغة ${shown}، وهي اللغة التي نُشر بها.`,
  comparedNotAvailable: (wanted, shown) => `هذان الإصداران غير متوفرين كلاهما باللغة ${wanted}: تجري المقارنة بين نصيهما باللغة ${shown}، وهي اللغة التي نُشرا بها.`,
  comparedInLanguage: (shown) => `تجري المقارنة بين نصيهما باللغة ${shown}، وهي اللغة التي نُشرا بها.`,
  addedLater: (added, published) => `أُضيفت هذه الترجمة في ${added}، بعد نشر الإصدار في ${published}.`,
  updateTakesEffect: (date) => `يسري إصدار محدَّث اعتبارًا من ${date}.`,
  replacesLead: 'وهو يحلّ محلّ ',
  replacesLink: (v) => `الإصدار ${v}`,
  replacesRest: (v, date) => `، الذي أُعلن أنه يسري في ${date}: استُبدل الإصدار ${v} قبل أن يسري ولن يسري أبدًا.`,
  readVersion: (v) => `اقرأ الإصدار ${v}`,
  seeWhatChanges: 'اطّلع على ما يتغيّر',
  whatChangedInVersion: 'ما الذي تغيّر في هذا الإصدار:',
  allVersions: 'كل الإصدارات',
  allVersionsOf: (title) => `${title}: كل الإصدارات`,
  permanentLink: 'رابط دائم إلى هذا الإصدار',
  noVersionInForce: 'لا يوجد إصدار ساري المفعول من هذا المستند بعد.',
  status: {
    inForce: 'هذا هو الإصدار الساري المفعول.',
    upcoming: (date) => `نُشر هذا الإصدار ويسري اعتبارًا من ${date}.`,
    superseded: 'استُبدل هذا الإصدار بإصدار لاحق.',
    supersededBeforeEffect: (by) => `استُبدل قبل أن يسري: حلّ الإصدار ${by} محلّه قبل تاريخ سريانه، فلم يسرِ هذا الإصدار قط.`,
  },
  readVersionAfterStatus: (v) => `اقرأ الإصدار ${v}`,
  published: 'تاريخ النشر',
  change: 'نوع التغيير',
  whatChanged: 'ما الذي تغيّر',
  contentHash: 'بصمة المحتوى (SHA-256)',
  compareWith: (v) => `قارن بالإصدار ${v}`,
  nextVersion: (v) => `الإصدار التالي (${v})`,
  versionInForce: 'الإصدار الساري',
  feedOfChanges: 'موجز التغييرات',
  compareTwo: 'قارن بين إصدارين',
  from: 'من',
  to: 'إلى',
  versionOption: (v, date) => `الإصدار ${v} (${date})`,
  compare: 'قارن',
  versionsCaption: 'الإصدارات المنشورة، الأحدث أولًا',
  versionColumn: 'الإصدار',
  effective: 'تاريخ السريان',
  summary: 'الملخّص',
  badgeInForce: 'ساري',
  badgeUpcoming: 'قادم',
  badgeSuperseded: (by) => `استُبدل بالإصدار ${by} قبل أن يسري`,
  neverInForce: ' لم يسرِ قط',
  withVersion: (v) => `بالإصدار ${v}`,
  changeClass: { editorial: 'تحريري (الصياغة فقط)', informational: 'إعلامي', material: 'جوهري (يغيّر حقوقك)' },
  compareTitle: (title, from, to) => `${title}: الإصدار ${from} ← الإصدار ${to}`,
  compareHeadTitle: (title, from, to) => `${title}: الإصدار ${from} ← ${to}`,
  compareMeta: (from, fromDate, to, toDate) => `الإصدار ${from} ساري المفعول منذ ${fromDate} · الإصدار ${to} ساري المفعول منذ ${toDate}`,
  summaryOfVersion: (v) => `ملخّص الإصدار ${v}:`,
  changes: (count) => `${arChanges(count)}.`,
  inserted: 'النص المضاف مسطَّر',
  deleted: 'والنص المحذوف مشطوب',
  legendJoin: (inserted, deleted) => `${inserted}، ${deleted}.`,
  firstChange: 'انتقل إلى أول تغيير',
  sectionsThatChanged: 'الأقسام التي تغيّرت',
  sectionsLead: 'الأقسام التي تغيّرت:',
  sectionChanges: (count) => `(${arChanges(count)})`,
  coarse: 'يختلف هذان الإصداران اختلافًا كبيرًا يتعذّر معه مقارنتهما كلمةً بكلمة في وقت معقول: تُعرض الفقرات والقوائم والجداول الواقعة بين بدايتهما ونهايتهما المشتركتين محذوفةً ومضافةً بكاملها.',
  view: 'العرض:',
  inline: 'ضمن النص',
  sideBySide: 'جنبًا إلى جنب',
  tooNarrow: 'هذه الشاشة أضيق من أن تعرض عمودين جنبًا إلى جنب، لذا تُعرض التغييرات ضمن النص.',
}

/** Assent's Legal Center phrases by language. To add a language, add its entry here. */
export const legalCenterPhrases = { en, fr, ar } as const satisfies Record<string, LegalCenterPhrases>
