import { bannerPhrases } from './wording/bannerPhrases'

/** The banner's wording an admin may change under "Login banner", per locale (plain text, never
 * a template). */
export interface BannerWording {
  /** A sentence above the list of changes; empty for none. */
  intro: string
  /** The link to the redline against the previous version. */
  changesLinkLabel: string
  /** The link to the version's full text. */
  fullTextLabel: string
  /** Starts the consent sentence, followed by the linked titles of what is being accepted. */
  consentLead: string
}

/** Assent's English wording: what the admin's fields show when empty. */
export const defaultBannerWording: BannerWording = bannerPhrases.en.wording

/**
 * The login banner's layout. Assent's own templates, compiled once: staff choose the wording and
 * Assent's phrases are formatted beforehand for the banner's locale, all reaching these templates
 * as escaped values, so nothing a user typed is ever compiled.
 */
export const bannerHtmlTemplate = `<div class="assent-banner-body" lang="{{lang}}" dir="{{dir}}">
{{#if notInYourLanguage}}<p class="assent-fallback">{{notInYourLanguage}}</p>{{/if}}
{{#if wording.intro}}<p class="assent-intro">{{wording.intro}}</p>{{/if}}
{{#each items}}
{{#if changes.length}}
  <p><strong>{{policyTitle}}</strong>: {{versionsSince}}</p>
  <ul class="assent-changes"{{#if textLang}} lang="{{textLang}}" dir="{{textDir}}"{{/if}}>{{#each changes}}
    <li>{{heading}} ({{detail}}): {{summary}}</li>{{/each}}
  </ul>
  {{#if textNote}}<p class="assent-fallback">{{textNote}}</p>{{/if}}
  <p>{{#if hasPrevious}}<a href="{{redlineUrl}}" target="_blank" rel="noopener">{{@root.wording.changesLinkLabel}}</a> · {{/if}}<a href="{{versionUrl}}" target="_blank" rel="noopener">{{@root.wording.fullTextLabel}}</a></p>
{{else}}
  <p><strong>{{policyTitle}}</strong> ({{detail}}): {{#if textLang}}<span lang="{{textLang}}" dir="{{textDir}}">{{summary}}</span> <span class="assent-fallback">{{textNote}}</span>{{else}}{{summary}}{{/if}}
  {{#if hasPrevious}}<a href="{{redlineUrl}}" target="_blank" rel="noopener">{{@root.wording.changesLinkLabel}}</a> · {{/if}}<a href="{{versionUrl}}" target="_blank" rel="noopener">{{@root.wording.fullTextLabel}}</a></p>
{{/if}}
{{/each}}
{{#if mustAccept}}
  <p class="assent-consent">{{wording.consentLead}} {{#each accepting}}{{separator}}<a href="{{versionUrl}}" target="_blank" rel="noopener">{{policyTitle}}</a>{{/each}}.</p>
{{/if}}
</div>`

export const bannerTextTemplate = `{{#if notInYourLanguage}}{{notInYourLanguage}}
{{/if}}{{#if wording.intro}}{{wording.intro}}
{{/if}}{{#each items}}{{#if changes.length}}{{policyTitle}}: {{versionsSince}}
{{#each changes}}- {{heading}} ({{detail}}): {{summary}}
{{/each}}{{#if textNote}}{{textNote}}
{{/if}}{{@root.wording.changesLinkLabel}}: {{redlineUrl}} {{@root.wording.fullTextLabel}}: {{versionUrl}}
{{else}}{{policyTitle}} ({{detail}}): {{summary}}{{#if textNote}} ({{textNote}}){{/if}} {{@root.wording.fullTextLabel}}: {{versionUrl}}
{{/if}}{{/each}}{{#if mustAccept}}{{wording.consentLead}} {{#each accepting}}{{separator}}{{policyTitle}}{{/each}}.{{/if}}`
