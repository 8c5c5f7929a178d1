/*
 * Assent's login banner. On the host product's page:
 *   <script src="https://legal.example.com/embed/banner.js" data-token="…"></script>
 * where the token comes from POST /api/v1/subjects/:externalId/token (server side). The banner
 * shows what the signed-in user owes, records that it was displayed, and records their
 * acceptance (or a dismissal) for that user only. It fires `assent:accepted` on `document`.
 */
(function () {
  'use strict'
  var script = document.currentScript
  if (!script) return
  var token = script.getAttribute('data-token')
  var base = new URL(script.src, document.baseURI).origin
  if (!token) return

  function call(method, path, body) {
    return fetch(base + path, {
      method: method,
      headers: Object.assign({ authorization: 'Bearer ' + token }, body ? { 'content-type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (res) {
      if (!res.ok && res.status !== 204) throw new Error('Assent answered ' + res.status)
      return res.status === 204 ? null : res.json()
    })
  }

  var style =
    ':host{all:initial}' +
    '.banner{position:fixed;left:1rem;right:1rem;bottom:1rem;max-width:46rem;max-height:calc(100vh - 2rem);overflow:auto;box-sizing:border-box;margin:0 auto;background:#fff;color:#1b1f23;' +
    'border:1px solid #d0d7de;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.15);padding:1rem 1.25rem;font:15px/1.5 system-ui,sans-serif;z-index:2147483647}' +
    '.banner a{color:#0b5cad}.actions{display:flex;gap:.5rem;justify-content:flex-end;margin-top:.5rem}' +
    'button{font:inherit;padding:.4rem 1rem;border-radius:6px;border:1px solid #0b5cad;cursor:pointer}' +
    '.accept{background:#0b5cad;color:#fff}.dismiss{background:#fff;color:#0b5cad}.error{color:#b42318}'

  // A constructed style sheet is not inline style: the banner works under a host's CSP without
  // style-src 'unsafe-inline'. Browsers without them get a <style> element.
  function styleSheet() {
    try {
      var sheet = new CSSStyleSheet()
      sheet.replaceSync(style)
      return sheet
    } catch (e) {
      return null
    }
  }

  function show(status) {
    var owed = status.policies.filter(function (p) { return p.owed })
    if (!status.banner || owed.length === 0) return
    var mustAccept = owed.some(function (p) { return p.owed.action === 'accept' })
    // The words of the buttons come in the banner's language; older servers sent none.
    var words = status.banner.buttons || { accept: 'Accept', acknowledge: 'Got it', dismiss: 'Not now', dialogLabel: 'Updates to our terms', failed: 'Your acceptance could not be recorded. Please try again.' }
    var host = document.createElement('div')
    host.id = 'assent-banner'
    var root = host.attachShadow({ mode: 'open' })
    var sheet = styleSheet()
    if (sheet) root.adoptedStyleSheets = [sheet]
    root.innerHTML =
      (sheet ? '' : '<style>' + style + '</style>') +
      '<section class="banner" role="dialog" aria-live="polite">' + status.banner.html +
      '<p class="error" hidden></p><div class="actions">' +
      '<button type="button" class="dismiss"></button><button type="button" class="accept"></button></div></section>'
    // Set as text and attributes, never as markup.
    var section = root.querySelector('section')
    section.setAttribute('aria-label', words.dialogLabel)
    if (status.banner.lang) section.setAttribute('lang', status.banner.lang)
    if (status.banner.dir) section.setAttribute('dir', status.banner.dir)
    root.querySelector('.dismiss').textContent = words.dismiss
    root.querySelector('.accept').textContent = mustAccept ? words.accept : words.acknowledge
    document.body.appendChild(host)
    var error = root.querySelector('.error')
    var key = 'assent-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2)

    root.querySelector('.accept').addEventListener('click', function (event) {
      event.target.disabled = true
      var versions = owed.map(function (p) { return { policy: p.policy, version: p.owed.version, contentHash: p.owed.contentHash } })
      call('POST', '/embed/v1/acceptances', { versions: versions, idempotencyKey: key }).then(function (result) {
        host.remove()
        document.dispatchEvent(new CustomEvent('assent:accepted', { detail: result }))
      }, function () {
        event.target.disabled = false
        error.hidden = false
        error.textContent = words.failed
      })
    })
    root.querySelector('.dismiss').addEventListener('click', function () {
      host.remove()
      owed.forEach(function (p) { call('POST', '/embed/v1/banner-events', { policy: p.policy, version: p.owed.version, event: 'dismissed' }).catch(function () {}) })
    })
  }

  function start() {
    call('GET', '/embed/v1/status?record=display').then(show, function () {})
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
