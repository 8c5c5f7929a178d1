type ChangeClass = 'editorial' | 'informational' | 'material'

/**
 * Everything a change-notice email says besides the policy's own title, summary and links, in one
 * language. Numbers and dates arrive formatted for the language; what the functions return reaches
 * the templates as escaped values.
 */
export interface NoticePhrases {
  /** The locale dates and numbers are written in. */
  format: string
  subject: (title: string, date: string) => string
  heading: (title: string) => string
  /** "Dear Ada, we have published version 2 of our Privacy Policy." */
  published: (name: string | null, version: string, title: string) => string
  /** Followed by the date and a full stop. */
  takesEffectLead: string
  whatChangesSince: (since: string) => string
  whatChanges: string
  versionHeading: (version: string) => string
  /** The parenthesis after a version in a list: its class and when it takes effect. */
  changeDetail: (changeClass: ChangeClass, date: string, supersededBy: string | null) => string
  /** "version 2", "versions 2 and 3", "versions 2, 3 and 4". */
  versionList: (versions: string[]) => string
  missed: (versions: string, plural: boolean) => string
  seeChangesSince: (since: string) => string
  seeChanges: string
  readNew: (title: string) => string
  whatToDo: string
  mustAccept: (title: string) => string
  nothingToDo: (date: string, title: string) => string
  footer: (siteName: string) => string
  /** Said when the version's text is in another language than the reader's. */
  notInYourLanguage: string
}

const NBSP = '\u00a0'
const list = (items: string[], and: string, comma = ', ') => (items.length === 1 ? items[0] : items.slice(0, -1).join(comma) + and + items.at(-1))

const en: NoticePhrases = {
  // Assent's house English writes the day first, as the Legal Center does.
  format: 'en-GB',
  subject: (title, date) => `Update to our ${title}, effective ${date}`,
  heading: (title) => `We are updating our ${title}`,
  published: (name, version, title) => `${name ? `Dear ${name}, we` : 'We'} have published version ${version} of our ${title}.`,
  takesEffectLead: 'It takes effect on',
  whatChangesSince: (since) => `What changes since version ${since}, the last one you accepted:`,
  whatChanges: 'What changes:',
  versionHeading: (v) => `Version ${v}`,
  changeDetail: (c, date, by) => `${c} change, ${by ? `replaced by version ${by} before it took effect on ${date}` : `effective ${date}`}`,
  versionList: (v) => `${v.length === 1 ? 'version' : 'versions'} ${list(v, ' and ')}`,
  missed: (versions, plural) => `We did not reach you about ${versions}; ${plural ? 'they are' : 'it is'} included here.`,
  seeChangesSince: (since) => `See exactly what changed since version ${since}`,
  seeChanges: 'See exactly what changed',
  readNew: (title) => `Read the new ${title}`,
  whatToDo: 'What you need to do:',
  mustAccept: (title) => `the next time you sign in, you will be asked to accept the new ${title}. You can review it before then using the links above.`,
  nothingToDo: (date, title) => `nothing. If you keep using our services after ${date}, the new ${title} applies to you.`,
  footer: (site) => `This is an administrative message about the documents that govern your account with ${site}. It is sent to every account holder and is not a marketing email.`,
  notInYourLanguage: 'This text is not available in your language.',
}

const frClass: Record<ChangeClass, string> = { editorial: 'modification rédactionnelle', informational: 'modification informative', material: 'modification substantielle' }

const fr: NoticePhrases = {
  format: 'fr',
  // Titles differ in gender and number: quoting them spares choosing "notre", "nos", "la", "les".
  subject: (title, date) => `Mise à jour de «${NBSP}${title}${NBSP}», en vigueur le ${date}`,
  heading: (title) => `Nous mettons à jour «${NBSP}${title}${NBSP}»`,
  published: (name, version, title) => `${name ? `Bonjour ${name}, nous` : 'Nous'} avons publié la version ${version} de «${NBSP}${title}${NBSP}».`,
  takesEffectLead: 'Elle entre en vigueur le',
  whatChangesSince: (since) => `Ce qui change depuis la version ${since}, la dernière que vous avez acceptée${NBSP}:`,
  whatChanges: `Ce qui change${NBSP}:`,
  versionHeading: (v) => `Version ${v}`,
  changeDetail: (c, date, by) => `${frClass[c]}, ${by ? `remplacée par la version ${by} avant son entrée en vigueur le ${date}` : `en vigueur le ${date}`}`,
  versionList: (v) => `${v.length === 1 ? 'la version' : 'les versions'} ${list(v, ' et ')}`,
  missed: (versions, plural) => `Nous n’avons pas pu vous informer de ${versions}${NBSP}; ${plural ? 'elles sont incluses' : 'elle est incluse'} ici.`,
  seeChangesSince: (since) => `Voir exactement ce qui a changé depuis la version ${since}`,
  seeChanges: 'Voir exactement ce qui a changé',
  readNew: (title) => `Lire la nouvelle version de «${NBSP}${title}${NBSP}»`,
  whatToDo: `Ce que vous devez faire${NBSP}:`,
  mustAccept: (title) => `lors de votre prochaine connexion, il vous sera demandé d’accepter la nouvelle version de «${NBSP}${title}${NBSP}». Vous pouvez la consulter d’ici là grâce aux liens ci-dessus.`,
  nothingToDo: (date, title) => `rien. Si vous continuez à utiliser nos services après le ${date}, la nouvelle version de «${NBSP}${title}${NBSP}» s’applique à vous.`,
  footer: (site) => `Ceci est un message administratif au sujet des documents qui régissent votre compte auprès de ${site}. Il est envoyé à tous les titulaires d’un compte et n’est pas un message commercial.`,
  notInYourLanguage: 'Ce texte n’est pas disponible dans votre langue.',
}

const arClass: Record<ChangeClass, string> = { editorial: 'تغيير تحريري', informational: 'تغيير إعلامي', material: 'تغيير جوهري' }

const ar: NoticePhrases = {
  format: 'ar',
  subject: (title, date) => `تحديث ${title}، يسري اعتبارًا من ${date}`,
  heading: (title) => `نقوم بتحديث ${title}`,
  published: (name, version, title) => `${name ? `مرحبًا ${name}، ` : ''}لقد نشرنا الإصدار ${version} من ${title}.`,
  takesEffectLead: 'ويسري اعتبارًا من',
  whatChangesSince: (since) => `ما الذي تغيّر منذ الإصدار ${since}، وهو آخر إصدار وافقت عليه:`,
  whatChanges: 'ما الذي تغيّر:',
  versionHeading: (v) => `الإصدار ${v}`,
  changeDetail: (c, date, by) => `${arClass[c]}، ${by ? `استُبدل بالإصدار ${by} قبل أن يسري في ${date}` : `يسري اعتبارًا من ${date}`}`,
  // The Arabic "and" is written joined to the word after it.
  versionList: (v) => `${v.length === 1 ? 'الإصدار' : 'الإصدارات'} ${list(v, ' و', '، ')}`,
  missed: (versions, plural) => `لم نتمكن من إبلاغك بشأن ${versions}؛ ${plural ? 'وهي مدرجة' : 'وهو مدرج'} هنا.`,
  seeChangesSince: (since) => `اطّلع على ما تغيّر بالضبط منذ الإصدار ${since}`,
  seeChanges: 'اطّلع على ما تغيّر بالضبط',
  readNew: (title) => `اقرأ الإصدار الجديد من ${title}`,
  whatToDo: 'ما المطلوب منك:',
  mustAccept: (title) => `عند تسجيل دخولك في المرة القادمة، سيُطلب منك الموافقة على الإصدار الجديد من ${title}. يمكنك مراجعته قبل ذلك عبر الروابط أعلاه.`,
  nothingToDo: (date, title) => `لا شيء. إذا واصلت استخدام خدماتنا بعد ${date}، فسيسري عليك الإصدار الجديد من ${title}.`,
  footer: (site) => `هذه رسالة إدارية بشأن الوثائق التي تحكم حسابك لدى ${site}. تُرسل إلى جميع أصحاب الحسابات وليست رسالة تسويقية.`,
  notInYourLanguage: 'هذا النص غير متوفر بلغتك.',
}

/** Assent's change-notice phrases by language. To add a language, add its entry here. */
export const noticePhrases = { en, fr, ar } as const satisfies Record<string, NoticePhrases>
