/** The login banner Assent ships with (an admin can edit it under "Login banner"). */
export const defaultBannerHtml = `<div class="assent-banner-body">
{{#each items}}
  <p><strong>{{policyTitle}}</strong> (version {{version}}{{#if upcoming}}, takes effect on {{effectiveDate}}{{/if}}): {{summary}}
  {{#if hasPrevious}}<a href="{{redlineUrl}}" target="_blank" rel="noopener">See what changed</a> · {{/if}}<a href="{{versionUrl}}" target="_blank" rel="noopener">Read the full text</a></p>
{{/each}}
{{#if mustAccept}}
  <p class="assent-consent">By clicking Accept you agree to the {{#each accepting}}{{#if @index}}{{#if @last}} and {{else}}, {{/if}}{{/if}}<a href="{{versionUrl}}" target="_blank" rel="noopener">{{policyTitle}}</a>{{/each}}.</p>
{{/if}}
</div>`

export const defaultBannerText = `{{#each items}}{{policyTitle}} (version {{version}}{{#if upcoming}}, takes effect on {{effectiveDate}}{{/if}}): {{summary}} Full text: {{versionUrl}}
{{/each}}{{#if mustAccept}}By clicking Accept you agree to the {{#each accepting}}{{#if @index}}{{#if @last}} and {{else}}, {{/if}}{{/if}}{{policyTitle}}{{/each}}.{{/if}}`
