/** The banner's wording an admin may change under "Login banner" (plain text, never a template). */
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

export const defaultBannerWording: BannerWording = {
  intro: '',
  changesLinkLabel: 'See what changed',
  fullTextLabel: 'Read the full text',
  consentLead: 'By clicking Accept you agree to the',
}

/**
 * The login banner's layout. Assent's own templates, compiled once: staff choose the wording, which
 * reaches these templates as escaped values, so nothing a user typed is ever compiled.
 */
export const bannerHtmlTemplate = `<div class="assent-banner-body">
{{#if wording.intro}}<p class="assent-intro">{{wording.intro}}</p>{{/if}}
{{#each items}}
{{#if changes.length}}
  <p><strong>{{policyTitle}}</strong>: {{changes.length}} versions since version {{since}}, the one you last accepted:</p>
  <ul class="assent-changes">{{#each changes}}
    <li>Version {{version}} ({{changeClass}}, {{#if supersededBy}}replaced by version {{supersededBy}} before it took effect{{else}}{{#if upcoming}}takes effect on{{else}}effective{{/if}} {{effectiveDate}}{{/if}}): {{summary}}</li>{{/each}}
  </ul>
  <p>{{#if hasPrevious}}<a href="{{redlineUrl}}" target="_blank" rel="noopener">{{@root.wording.changesLinkLabel}}</a> · {{/if}}<a href="{{versionUrl}}" target="_blank" rel="noopener">{{@root.wording.fullTextLabel}}</a></p>
{{else}}
  <p><strong>{{policyTitle}}</strong> (version {{version}}{{#if upcoming}}, takes effect on {{effectiveDate}}{{/if}}): {{summary}}
  {{#if hasPrevious}}<a href="{{redlineUrl}}" target="_blank" rel="noopener">{{@root.wording.changesLinkLabel}}</a> · {{/if}}<a href="{{versionUrl}}" target="_blank" rel="noopener">{{@root.wording.fullTextLabel}}</a></p>
{{/if}}
{{/each}}
{{#if mustAccept}}
  <p class="assent-consent">{{wording.consentLead}} {{#each accepting}}{{#if @index}}{{#if @last}} and {{else}}, {{/if}}{{/if}}<a href="{{versionUrl}}" target="_blank" rel="noopener">{{policyTitle}}</a>{{/each}}.</p>
{{/if}}
</div>`

export const bannerTextTemplate = `{{#if wording.intro}}{{wording.intro}}
{{/if}}{{#each items}}{{#if changes.length}}{{policyTitle}}: {{changes.length}} versions since version {{since}}, the one you last accepted:
{{#each changes}}- Version {{version}} ({{changeClass}}, {{#if supersededBy}}replaced by version {{supersededBy}} before it took effect{{else}}{{#if upcoming}}takes effect on{{else}}effective{{/if}} {{effectiveDate}}{{/if}}): {{summary}}
{{/each}}{{@root.wording.changesLinkLabel}}: {{redlineUrl}} {{@root.wording.fullTextLabel}}: {{versionUrl}}
{{else}}{{policyTitle}} (version {{version}}{{#if upcoming}}, takes effect on {{effectiveDate}}{{/if}}): {{summary}} {{@root.wording.fullTextLabel}}: {{versionUrl}}
{{/if}}{{/each}}{{#if mustAccept}}{{wording.consentLead}} {{#each accepting}}{{#if @index}}{{#if @last}} and {{else}}, {{/if}}{{/if}}{{policyTitle}}{{/each}}.{{/if}}`
